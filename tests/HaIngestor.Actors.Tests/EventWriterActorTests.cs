using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Events;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Tests;

public class EventWriterActorTests() : TestKit(TestConfig.Patient)
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly EventWriterSettings Settings = new()
    {
        BatchSize = 7,
        FlushInterval = TimeSpan.FromMilliseconds(50),
        RetryMinDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(40),
    };

    private static IReadOnlyList<StateChange> Changes(int from, int count) =>
        Enumerable.Range(from, count)
            .Select(i => new StateChange(Start.AddSeconds(i), $"light.l{i % 5}", i % 2 == 0 ? "on" : "off"))
            .ToList();

    [Fact]
    public void Every_change_arrives_in_order_in_batches()
    {
        var store = new InMemoryEventStore();
        var writer = Sys.ActorOf(EventWriterActor.Props(store, Settings, 7));

        for (var i = 0; i < 50; i++)
        {
            writer.Tell(new WriteStateChanges(Changes(i * 3, 3)));
        }

        writer.Tell(FlushEvents.Instance, TestActor);
        Assert.Equal(150, ExpectMsg<EventsFlushed>().Written);
        Assert.Equal(Changes(0, 150), store.All);
        Assert.True(store.AppendCalls >= 150 / Settings.BatchSize, "changes are written in batches of at most BatchSize");
    }

    [Fact]
    public void A_failing_store_is_retried_and_nothing_is_lost()
    {
        var store = new InMemoryEventStore(failFirstAppends: 3);
        var writer = Sys.ActorOf(EventWriterActor.Props(store, Settings, 7));

        writer.Tell(new WriteStateChanges(Changes(0, 20)));
        writer.Tell(new WriteStateChanges(Changes(20, 5)));
        writer.Tell(FlushEvents.Instance, TestActor);

        Assert.Equal(25, ExpectMsg<EventsFlushed>().Written);
        Assert.Equal(Changes(0, 25), store.All);
        writer.Tell(GetEventWriterStatus.Instance, TestActor);
        var status = ExpectMsg<EventWriterStatus>();
        Assert.Equal(3, status.FailedWrites);
        Assert.Equal(0, status.Dropped);
        Assert.Equal(0, status.Buffered);
    }

    [Fact]
    public void Changes_beyond_the_buffer_cap_are_dropped_and_counted_while_the_store_fails()
    {
        var store = new InMemoryEventStore(failFirstAppends: 1_000_000);
        var writer = Sys.ActorOf(EventWriterActor.Props(store, Settings with { MaxBuffered = 10 }, 7));

        writer.Tell(new WriteStateChanges(Changes(0, 8)));
        writer.Tell(new WriteStateChanges(Changes(8, 8)));
        writer.Tell(GetEventWriterStatus.Instance, TestActor);

        var status = ExpectMsg<EventWriterStatus>();
        Assert.Equal(10, status.Buffered);
        Assert.Equal(6, status.Dropped);
    }

    [Fact]
    public void Pruning_deletes_what_is_older_than_the_retention()
    {
        var old = new StateChange(Start.AddDays(-10), "light.a", "on");
        var recent = new StateChange(Start.AddDays(-1), "light.a", "off");
        var store = new InMemoryEventStore([old, recent]);
        var writer = Sys.ActorOf(EventWriterActor.Props(store, Settings, 7));

        writer.Tell(new PruneRawEvents(Start), TestActor);

        Assert.Equal(new RawEventsPruned(1, null), ExpectMsg<RawEventsPruned>());
        Assert.Equal([recent], store.All);
    }
}
