using HaIngestor.Actors.Protocol;

namespace HaIngestor.Actors.Bridge;

/// <summary>
/// Messages waiting for the broker, oldest first, bounded: when full the oldest is dropped and counted.
/// In memory only, so a process restart loses what is waiting; a persisted outbox is a later issue.
/// </summary>
public sealed class Outbox(int capacity)
{
    private readonly LinkedList<Publish> messages = new();

    public int Count => messages.Count;

    public long Dropped { get; private set; }

    public void Enqueue(Publish message)
    {
        messages.AddLast(message);
        Trim();
    }

    /// <summary>Puts back a message whose publish failed, ahead of newer ones.</summary>
    public void Requeue(Publish message)
    {
        messages.AddFirst(message);
        Trim();
    }

    public IReadOnlyList<Publish> DrainAll()
    {
        var all = messages.ToList();
        messages.Clear();
        return all;
    }

    private void Trim()
    {
        while (messages.Count > Math.Max(1, capacity))
        {
            messages.RemoveFirst();
            Dropped++;
        }
    }
}
