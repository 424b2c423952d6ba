namespace HaIngestor.Domain.Devices;

/// <summary>Changes of a feature by origin; <see cref="Total"/> is their sum.</summary>
public sealed record OriginCounts(long Human, long Automation, long Device, long Commanded, long Unknown)
{
    public static OriginCounts None { get; } = new(0, 0, 0, 0, 0);

    public long Total => Human + Automation + Device + Commanded + Unknown;

    public long this[UsageOrigin origin] => origin switch
    {
        UsageOrigin.Human => Human,
        UsageOrigin.Automation => Automation,
        UsageOrigin.Device => Device,
        UsageOrigin.Commanded => Commanded,
        UsageOrigin.Unknown => Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown usage origin"),
    };

    /// <summary>Only <paramref name="count"/> changes, all of <paramref name="origin"/>.</summary>
    public static OriginCounts Of(UsageOrigin origin, long count) => None.Add(origin, count);

    public OriginCounts Add(UsageOrigin origin, long count = 1) => origin switch
    {
        UsageOrigin.Human => this with { Human = Human + count },
        UsageOrigin.Automation => this with { Automation = Automation + count },
        UsageOrigin.Device => this with { Device = Device + count },
        UsageOrigin.Commanded => this with { Commanded = Commanded + count },
        UsageOrigin.Unknown => this with { Unknown = Unknown + count },
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown usage origin"),
    };

    public OriginCounts Add(OriginCounts other) =>
        new(Human + other.Human, Automation + other.Automation, Device + other.Device, Commanded + other.Commanded, Unknown + other.Unknown);

    /// <summary>The counts in <see cref="UsageOrigins.All"/> order (the persisted form).</summary>
    public long[] ToArray() => [Human, Automation, Device, Commanded, Unknown];

    /// <summary>From <see cref="ToArray"/>'s form; missing trailing counts (an older, shorter form) are zero.</summary>
    public static OriginCounts FromArray(IReadOnlyList<long> counts) =>
        new(At(counts, 0), At(counts, 1), At(counts, 2), At(counts, 3), At(counts, 4));

    private static long At(IReadOnlyList<long> counts, int i) => i < counts.Count ? counts[i] : 0;
}
