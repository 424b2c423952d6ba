using HaIngestor.Actors.Bridge;
using HaIngestor.Actors.Protocol;

namespace HaIngestor.Actors.Tests;

public class OutboxTests
{
    private static Publish Message(int i) => new($"t/{i}", [(byte)i], Retain: false);

    [Fact]
    public void A_full_outbox_drops_the_oldest_and_counts_them()
    {
        var outbox = new Outbox(3);
        for (var i = 0; i < 5; i++)
        {
            outbox.Enqueue(Message(i));
        }

        Assert.Equal(2, outbox.Dropped);
        Assert.Equal(["t/2", "t/3", "t/4"], outbox.DrainAll().Select(m => m.Topic));
        Assert.Equal(0, outbox.Count);
    }

    [Fact]
    public void A_requeued_message_goes_out_first()
    {
        var outbox = new Outbox(10);
        outbox.Enqueue(Message(1));
        outbox.Requeue(Message(0));
        Assert.Equal(["t/0", "t/1"], outbox.DrainAll().Select(m => m.Topic));
    }
}
