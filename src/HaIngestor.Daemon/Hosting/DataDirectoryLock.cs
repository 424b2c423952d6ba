namespace HaIngestor.Daemon.Hosting;

/// <summary>
/// An exclusive lock on <c>&lt;DataDirectory&gt;/haingestor.lock</c>, held while a daemon or an import uses the data
/// directory: two processes writing the same journal would corrupt each other's actors. The operating system releases
/// it when the process ends, however it ends.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "haingestor.lock";

    private readonly FileStream stream;

    private DataDirectoryLock(FileStream stream) => this.stream = stream;

    /// <exception cref="DataDirectoryInUseException">another process holds the lock.</exception>
    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush();
            return new DataDirectoryLock(stream);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataDirectoryInUseException(Path.GetFullPath(dataDirectory), e);
        }
    }

    public void Dispose() => stream.Dispose();
}
