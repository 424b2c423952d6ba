using Cronos;

namespace HaIngestor.Daemon.Configuration;

/// <summary>Checks the configuration before anything starts, so a typo is one clear line, not a crash later.</summary>
public static class OptionsValidation
{
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
        try
        {
            Domain.Detection.DetectorCatalog.CreateAll(options.Detectors);
            return [];
        }
        catch (ArgumentException e)
        {
            return [$"HaIngestor:Detectors: {e.Message}"];
        }
    }
}
