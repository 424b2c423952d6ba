namespace HaIngestor.Integration.Tests.Infrastructure;

/// <summary>The shared real data (../shared/data beside the repository).</summary>
public static class SharedData
{
    public static string Directory { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "real")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared/data was not found above " + AppContext.BaseDirectory);
    }
}
