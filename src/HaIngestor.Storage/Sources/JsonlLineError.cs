namespace HaIngestor.Storage.Sources;

/// <summary>A line of a JSON-lines file that was skipped, and why.</summary>
/// <param name="LineNumber">1-based line number in the file.</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record JsonlLineError(long LineNumber, string Reason)
{
    public override string ToString() => $"line {LineNumber}: {Reason}";
}
