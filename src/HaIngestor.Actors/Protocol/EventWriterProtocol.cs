using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Protocol;

/// <summary>State changes to append to the L1 store, in order.</summary>
public sealed record WriteStateChanges(IReadOnlyList<StateChange> Changes);

/// <summary>Replies <see cref="EventsFlushed"/> once everything received before it is stored.</summary>
public sealed record FlushEvents
{
    public static FlushEvents Instance { get; } = new();
}

public sealed record EventsFlushed(long Written);

/// <summary>Deletes L1 changes older than the retention, counted from <paramref name="Now"/>.</summary>
public sealed record PruneRawEvents(DateTimeOffset Now);

/// <summary>The reply to <see cref="PruneRawEvents"/>.</summary>
public sealed record RawEventsPruned(int Deleted, string? Error);

public sealed record GetEventWriterStatus
{
    public static GetEventWriterStatus Instance { get; } = new();
}

/// <param name="Written">Changes stored.</param>
/// <param name="Buffered">Changes waiting, the batch being written included.</param>
/// <param name="Dropped">Changes dropped because the buffer was full.</param>
/// <param name="FailedWrites">Writes that failed (and were retried).</param>
/// <param name="Pruned">Changes deleted by retention.</param>
public sealed record EventWriterStatus(long Written, int Buffered, long Dropped, long FailedWrites, long Pruned);
