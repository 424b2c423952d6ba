namespace HaIngestor.Domain.Detection;

/// <summary>How an analysis run ended.</summary>
public enum AnalysisRunStatus
{
    /// <summary>Every phase and every detector finished.</summary>
    Completed,

    /// <summary>The run finished, but at least one detector failed or timed out; its patterns are missing.</summary>
    Partial,

    /// <summary>The run could not produce results (e.g. the event store was unreachable).</summary>
    Failed,
}
