namespace HaIngestor.Daemon.Cli;

/// <summary>
/// The <c>--json OUT</c> of the offline verbs: <c>-</c> is standard output, anything else a file, created before the
/// analysis runs so that a path that cannot be written fails at once with one line instead of after the work.
/// </summary>
public static class JsonOutFile
{
    /// <summary>The stream to write to, or null after telling <paramref name="errors"/> why <paramref name="path"/> cannot be written.</summary>
    public static Stream? Open(string path, TextWriter errors)
    {
        if (path == "-")
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            return File.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"--json: {path} cannot be written: {e.Message}");
            return null;
        }
    }
}
