namespace HaIngestor.Daemon.Hosting;

/// <summary>Another HaIngestor process (a running daemon, an import) holds the data directory.</summary>
public sealed class DataDirectoryInUseException(string dataDirectory, Exception inner)
    : IOException($"the data directory {dataDirectory} is in use by another HaIngestor process (a running daemon or import); stop it first", inner)
{
    public string DataDirectory { get; } = dataDirectory;
}
