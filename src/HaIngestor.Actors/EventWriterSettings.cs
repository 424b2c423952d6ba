namespace HaIngestor.Actors;

/// <summary>How state changes are batched into the L1 store.</summary>
public sealed record EventWriterSettings
{
    /// <summary>A write starts as soon as this many changes are buffered.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>A smaller batch is written at the latest after this long.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Changes held while the store is failing; beyond it new changes are dropped, logged and counted.</summary>
    public int MaxBuffered { get; init; } = 200_000;

    public TimeSpan RetryMinDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping waits for the last write.</summary>
    public TimeSpan StopFlushTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
