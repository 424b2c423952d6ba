using System.Globalization;
using Cronos;

namespace HaIngestor.Daemon.Configuration;

/// <summary>Checks the configuration before anything starts, so a typo is one clear line, not a crash later.</summary>
public static class OptionsValidation
{
    /// <summary>The most days a window or a retention may span.</summary>
    public const int MaxDays = 36_525;

    public static IReadOnlyList<string> Problems(HaIngestorOptions options)
    {
        var problems = new List<string>();
        if (options.Mqtt.Port is < 1 or > 65535)
        {
            problems.Add($"HaIngestor:Mqtt:Port must be 1..65535 (is {options.Mqtt.Port})");
        }

        problems.AddRange(options.HomeAssistant.Problems());

        if (!string.IsNullOrWhiteSpace(options.Home.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.Home.TimeZone, out _))
        {
            problems.Add($"HaIngestor:Home:TimeZone '{options.Home.TimeZone}' is not a known IANA time zone");
        }

        foreach (var (key, cron) in new[] { ("Daily", options.Schedule.Daily), ("Weekly", options.Schedule.Weekly), ("Monthly", options.Schedule.Monthly) })
        {
            try
            {
                CronExpression.Parse(cron);
            }
            catch (CronFormatException e)
            {
                problems.Add($"HaIngestor:Schedule:{key} '{cron}' is not a cron expression: {e.Message}");
            }
        }

        if (options.Analysis.WindowDays < 1)
        {
            problems.Add("HaIngestor:Analysis:WindowDays must be at least 1");
        }

        if (options.Storage.RawRetentionDays < 1)
        {
            problems.Add("HaIngestor:Storage:RawRetentionDays must be at least 1");
        }

        if (options.Storage.AggregateRetentionDays < options.Analysis.WindowDays)
        {
            problems.Add("HaIngestor:Storage:AggregateRetentionDays must be at least HaIngestor:Analysis:WindowDays");
        }

        foreach (var (key, days) in new[]
        {
            ("Analysis:WindowDays", options.Analysis.WindowDays),
            ("Storage:RawRetentionDays", options.Storage.RawRetentionDays),
            ("Storage:AggregateRetentionDays", options.Storage.AggregateRetentionDays),
        })
        {
            // Days are counted back from today; far beyond a century the calendar runs out before year 1.
            if (days > MaxDays)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"HaIngestor:{key} must be at most {MaxDays} (a hundred years; is {days})"));
            }
        }

        if (!string.Equals(options.Storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"HaIngestor:Storage:Provider '{options.Storage.Provider}' is not available yet (only Sqlite)");
        }

        if (!string.Equals(options.Sql.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"HaIngestor:Sql:Provider '{options.Sql.Provider}' is not available yet (only Sqlite)");
        }

        problems.AddRange(DetectorProblems(options));
        return problems;
    }

    /// <summary>What is wrong with the detector thresholds alone (the offline verbs need nothing else).</summary>
    public static IReadOnlyList<string> DetectorProblems(HaIngestorOptions options)
    {
        var problems = NegativeOrNotFinite(options.Detectors).ToList();
        try
        {
            Domain.Detection.DetectorCatalog.CreateAll(options.Detectors);
        }
        catch (ArgumentException e)
        {
            problems.Add($"HaIngestor:Detectors: {e.Message}");
        }

        return problems;
    }

    /// <summary>
    /// Every numeric detector threshold is a count, a duration, a fraction or a factor, so a negative or not finite one
    /// (<c>WindowSeconds=-100</c>, <c>NaN</c>) cannot mean anything; detectors that check no more would run on it silently.
    /// </summary>
    private static IEnumerable<string> NegativeOrNotFinite(Domain.Detection.DetectorSettings settings) =>
        from detector in typeof(Domain.Detection.DetectorSettings).GetProperties()
        let thresholds = detector.GetValue(settings)
        where thresholds is not null
        from threshold in detector.PropertyType.GetProperties()
        let value = threshold.GetValue(thresholds)
        where value is < 0 || (value is double number && (!double.IsFinite(number) || number < 0))
        select string.Create(CultureInfo.InvariantCulture, $"HaIngestor:Detectors:{detector.Name}:{threshold.Name} must be a finite number of at least 0 (is {value})");
}
