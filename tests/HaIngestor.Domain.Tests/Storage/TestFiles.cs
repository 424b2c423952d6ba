using Microsoft.Data.Sqlite;

namespace HaIngestor.Domain.Tests.Storage;

/// <summary>The shared real datasets, and a scratch directory per test.</summary>
internal static class TestFiles
{
    /// <summary><c>shared/data/real/&lt;home&gt;</c>, found by walking up from the test binaries.</summary>
    public static string RealHome(string home)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var real = Path.Combine(directory.FullName, "shared", "data", "real");
            if (Directory.Exists(real))
            {
                return Path.Combine(real, home);
            }
        }

        throw new DirectoryNotFoundException($"no shared/data/real above {AppContext.BaseDirectory}");
    }
}

internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "haingestor-tests-" + Guid.NewGuid().ToString("N"));

    public ScratchDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string SqliteConnectionString(string name = "haingestor.db") => $"Data Source={File(name)}";

    public void Dispose()
    {
        foreach (var database in Directory.EnumerateFiles(Path, "*.db"))
        {
            using var connection = new SqliteConnection($"Data Source={database}");
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(Path, recursive: true);
    }
}
