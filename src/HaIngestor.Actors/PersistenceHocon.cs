using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Actors;

/// <summary>
/// The HOCON of <c>hocon/</c> (embedded in this assembly) with the SQLite file filled in, so the daemon and the
/// tests configure Akka.Persistence the same way. Load the result first, then append
/// <c>Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration</c> (the plugin class names and defaults).
/// </summary>
public static class PersistenceHocon
{
    /// <summary>hocon/akka.conf.</summary>
    public static string AkkaConf => Read("akka.conf");

    /// <summary>hocon/persistence.sqlite.conf with its default connection string.</summary>
    public static string Sqlite => Read("persistence.sqlite.conf");

    /// <summary>Journal, snapshot store and query journal on the SQLite file <paramref name="databasePath"/>.</summary>
    public static string ForSqlite(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databasePath) }.ToString();
        var quoted = Quote(connectionString);
        return $"""
            {Sqlite}
            akka.persistence.journal.sql.connection-string = {quoted}
            akka.persistence.snapshot-store.sql.connection-string = {quoted}
            akka.persistence.query.journal.sql.connection-string = {quoted}
            """;
    }

    /// <summary>
    /// The whole configuration of an actor system on the SQLite file, as the daemon builds it (akka.conf with the
    /// journal serializers, the SQLite plugins, the plugin defaults); for tests and the bench.
    /// </summary>
    public static Config SqliteSystem(string databasePath) =>
        ConfigurationFactory.ParseString(ForSqlite(databasePath))
            .WithFallback(ConfigurationFactory.ParseString(AkkaConf))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Read(string file)
    {
        using var stream = typeof(PersistenceHocon).Assembly.GetManifestResourceStream($"HaIngestor.Actors.hocon.{file}")
            ?? throw new InvalidOperationException($"hocon/{file} is not embedded in {typeof(PersistenceHocon).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
