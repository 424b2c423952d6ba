namespace HaIngestor.Domain.Detection;

/// <summary>One event far outside an entity's learned behaviour.</summary>
/// <param name="Date">The local date it happened on (<c>date</c>, YYYY-MM-DD).</param>
/// <param name="Kind"><see cref="UnusualHour"/> or <see cref="LongOnTime"/> (<c>kind</c>).</param>
/// <param name="Description">What happened and why it is unusual, in words (<c>description</c>).</param>
public sealed record AnomalyDetails(DateOnly Date, string Kind, string Description) : PatternDetails
{
    public const string UnusualHour = "unusual_hour";

    public const string LongOnTime = "long_on_time";
}
