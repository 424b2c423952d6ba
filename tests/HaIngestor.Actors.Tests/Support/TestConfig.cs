namespace HaIngestor.Actors.Tests.Support;

public static class TestConfig
{
    /// <summary>In-memory journal and snapshot store: fresh for every test's actor system.</summary>
    public const string InMemoryPersistence = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.loglevel = INFO
        """;
}
