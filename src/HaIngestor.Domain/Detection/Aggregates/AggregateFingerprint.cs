using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// What a stored aggregate was made under: its kind's payload format version, the home's time zone (which
/// decides where a local day starts and ends) and the settings its detector's aggregation reads. Two aggregates
/// of one day are interchangeable exactly when their fingerprints are equal; a run treats any other stored
/// fingerprint as stale and never mixes it with aggregates made under the current one.
/// </summary>
public static class AggregateFingerprint
{
    /// <summary>Sixteen hex digits of a hash over the canonical text (see <see cref="Describe"/>).</summary>
    public static string Of(IAggregatingDetector detector, HomeProfile home) => StableId.Hex(Describe(detector, home), 16);

    /// <summary>The canonical text the fingerprint is a hash of; readable, for logs and tests.</summary>
    public static string Describe(IAggregatingDetector detector, HomeProfile home) =>
        string.Join(
            '\u001f',
            detector.AggregateKind,
            "v" + DailyAggregateCodec.FormatVersion(detector.AggregateKind).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "tz=" + home.TimeZoneId,
            detector.AggregationSettings);
}
