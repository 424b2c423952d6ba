namespace HaIngestor.Domain.Detection;

/// <summary>A set of days of the week, written as <c>all</c>, <c>weekdays</c>, <c>weekends</c> or <c>mon,tue,..</c>.</summary>
public sealed record DaySelection(IReadOnlySet<DayOfWeek> Days)
{
    private static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static DaySelection All { get; } = new(new HashSet<DayOfWeek>(MondayFirst));

    public static DaySelection Weekdays { get; } = new(new HashSet<DayOfWeek>(MondayFirst[..5]));

    public static DaySelection Weekends { get; } = new(new HashSet<DayOfWeek>(MondayFirst[5..]));

    public bool Contains(DayOfWeek day) => Days.Contains(day);

    /// <summary>The days in HA's short form (<c>mon</c>..<c>sun</c>), Monday first.</summary>
    public IReadOnlyList<string> ShortNames => MondayFirst.Where(Days.Contains).Select(ShortName).ToList();

    public static string ShortName(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    /// <summary>Reads the form <see cref="ToString"/> writes; false for anything else.</summary>
    public static bool TryParse(string? text, out DaySelection days)
    {
        days = All;
        switch (text)
        {
            case null or "":
                return false;
            case "all":
                return true;
            case "weekdays":
                days = Weekdays;
                return true;
            case "weekends":
                days = Weekends;
                return true;
        }

        var set = new HashSet<DayOfWeek>();
        foreach (var name in text.Split(','))
        {
            var day = Array.FindIndex(MondayFirst, d => ShortName(d) == name.Trim());
            if (day < 0)
            {
                return false;
            }

            set.Add(MondayFirst[day]);
        }

        days = new DaySelection(set);
        return true;
    }

    public override string ToString() =>
        Days.Count == 7 ? "all"
        : Days.SetEquals(Weekdays.Days) ? "weekdays"
        : Days.SetEquals(Weekends.Days) ? "weekends"
        : string.Join(',', ShortNames);

    public bool Equals(DaySelection? other) => other is not null && Days.SetEquals(other.Days);

    public override int GetHashCode() => Days.Aggregate(0, (h, d) => h | (1 << (int)d));
}
