namespace HaIngestor.Daemon.Bench;

/// <summary>Where the ingest pipeline's device actors persist.</summary>
public enum JournalKind
{
    /// <summary>Akka.Persistence.Sql on the SQLite file, as the daemon runs.</summary>
    Sqlite,

    /// <summary>Akka's in-memory journal: shows what the actors cost without the journal's writes.</summary>
    InMemory,
}
