namespace HaIngestor.Domain.Detection;

/// <summary>The three detector groups of the unified run (ARCHITECTURE.md section 3).</summary>
public enum DetectorGroup
{
    /// <summary>Daily: time_of_day, co_occurrence, sequence, room, duration, anomaly.</summary>
    A,

    /// <summary>Weekly: session, day_type.</summary>
    B,

    /// <summary>Monthly: contextual, seasonal.</summary>
    C,
}
