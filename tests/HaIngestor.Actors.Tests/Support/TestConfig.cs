namespace HaIngestor.Actors.Tests.Support;

public static class TestConfig
{
    /// <summary>
    /// Expectations wait up to 10 s instead of TestKit's 3 s: on a loaded 2-core CI machine persistence and
    /// batching can take longer, and a test that waits for a message must not fail for being slow.
    /// </summary>
    public const string Patient = """
        akka.test.single-expect-default = 10s
        akka.test.default-timeout = 10s
        """;

    /// <summary>In-memory journal and snapshot store: fresh for every test's actor system.</summary>
    public const string InMemoryPersistence = Patient + """

        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.loglevel = INFO
        """;
}
