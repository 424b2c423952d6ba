namespace HaIngestor.Storage.Sources;

/// <summary>home.json is missing or unusable; the message names the file and the problem.</summary>
public sealed class HomeFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string FilePath { get; } = path;

    public string Problem { get; } = problem;
}
