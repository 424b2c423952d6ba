using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Tests.Support;

/// <summary>An L1 store in a list; can fail the first N appends or hold reads until released.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly List<StateChange> changes = [];
    private readonly SortedDictionary<DateTimeOffset, long> writtenHours = [];
    private long sequence;
    private DateTimeOffset prunedBefore = DateTimeOffset.MinValue;
    private readonly Lock gate = new();
    private int failuresLeft;

    public InMemoryEventStore(IEnumerable<StateChange>? initial = null, int failFirstAppends = 0)
    {
        changes.AddRange(initial ?? []);
        failuresLeft = failFirstAppends;
    }

    public TaskCompletionSource? ReadGate { get; set; }

    public int AppendCalls { get; private set; }

    public int WriteLogReads { get; private set; }

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
            sequence++;
            foreach (var change in batch)
            {
                var utc = change.Time.UtcDateTime;
                writtenHours[new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero)] = sequence;
            }

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
            prunedBefore = olderThan > prunedBefore ? olderThan : prunedBefore;
            foreach (var hour in writtenHours.Keys.Where(h => h.AddHours(1) <= olderThan).ToList())
            {
                writtenHours.Remove(hour);
            }

            return Task.FromResult(changes.RemoveAll(c => c.Time < olderThan));
        }
    }

    public Task<L1WriteLog> WriteLogAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            WriteLogReads++;
            return Task.FromResult(new L1WriteLog(sequence, prunedBefore, writtenHours.Select(h => new WrittenHour(h.Key, h.Value)).ToList()));
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
