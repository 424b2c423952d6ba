using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Tests.Support;

/// <summary>An L1 store in a list; can fail the first N appends or hold reads until released.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly List<StateChange> changes = [];
    private readonly Lock gate = new();
    private int failuresLeft;

    public InMemoryEventStore(IEnumerable<StateChange>? initial = null, int failFirstAppends = 0)
    {
        changes.AddRange(initial ?? []);
        failuresLeft = failFirstAppends;
    }

    public TaskCompletionSource? ReadGate { get; set; }

    public int AppendCalls { get; private set; }

    public IReadOnlyList<StateChange> All
    {
        get
        {
            lock (gate)
            {
                return changes.ToList();
            }
        }
    }

    public Task AppendAsync(IReadOnlyList<StateChange> batch, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            AppendCalls++;
            if (failuresLeft > 0)
            {
                failuresLeft--;
                return Task.FromException(new IOException("disk unavailable"));
            }

            changes.AddRange(batch);
            return Task.CompletedTask;
        }
    }

    public async Task<IReadOnlyList<StateChange>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (ReadGate is { } readGate)
        {
            await readGate.Task;
        }

        lock (gate)
        {
            return changes.Where(c => c.Time >= from && c.Time < to).OrderBy(c => c.Time).ToList();
        }
    }

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(changes.RemoveAll(c => c.Time < olderThan));
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult((long)changes.Count);
        }
    }
}
