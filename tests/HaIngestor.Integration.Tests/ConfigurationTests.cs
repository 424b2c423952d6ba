using HaIngestor.Daemon.Configuration;
using HaIngestor.Domain.Detection;
using Microsoft.Extensions.Configuration;

namespace HaIngestor.Integration.Tests;

/// <summary>Detector thresholds come from configuration (appsettings or HAINGESTOR__ variables), defaults elsewhere.</summary>
public sealed class ConfigurationTests
{
    private static HaIngestorOptions Bind(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection(HaIngestorOptions.SectionName)
            .Get<HaIngestorOptions>() ?? new HaIngestorOptions();

    [Fact]
    public void Detector_thresholds_are_bound_and_the_rest_keep_their_defaults()
    {
        var options = Bind(
            ("HaIngestor:Detectors:CoOccurrence:WindowSeconds", "60"),
            ("HaIngestor:Detectors:TimeOfDay:MinOccurrences", "6"));

        Assert.Equal(60, options.Detectors.CoOccurrence.WindowSeconds);
        Assert.Equal(new CoOccurrenceSettings().MinLift, options.Detectors.CoOccurrence.MinLift);
        Assert.Equal(6, options.Detectors.TimeOfDay.MinOccurrences);
        Assert.Equal(new TimeOfDaySettings().MaxSpreadMinutes, options.Detectors.TimeOfDay.MaxSpreadMinutes);
        Assert.Equal(new DurationSettings(), options.Detectors.Duration);
        Assert.Empty(OptionsValidation.Problems(options));

        var coOccurrence = DetectorCatalog.CreateAll(options.Detectors).OfType<CoOccurrenceDetector>().Single();
        Assert.Equal(60, coOccurrence.Settings.WindowSeconds);
    }

    [Fact]
    public void An_impossible_threshold_is_a_clear_configuration_problem()
    {
        var options = Bind(("HaIngestor:Detectors:TimeOfDay:MinOccurrences", "0"));

        var problem = Assert.Single(OptionsValidation.Problems(options));
        Assert.Contains("HaIngestor:Detectors", problem, StringComparison.Ordinal);
        Assert.Contains("MinOccurrences", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CoOccurrence:WindowSeconds", "-100")]
    [InlineData("Room:WindowSeconds", "NaN")]
    [InlineData("Sequence:MaxCandidatesPerLevel", "-1")]
    [InlineData("Duration:MaxDurationSeconds", "Infinity")]
    [InlineData("Anomaly:HourBandHalfWidth", "-3")]
    public void A_negative_or_not_finite_threshold_of_any_detector_is_a_clear_configuration_problem(string key, string value)
    {
        var options = Bind(($"HaIngestor:Detectors:{key}", value));

        var problem = Assert.Single(OptionsValidation.Problems(options));
        Assert.Equal($"HaIngestor:Detectors:{key} must be a finite number of at least 0 (is {value})", problem);
    }

    [Theory]
    [InlineData("Analysis:WindowDays")]
    [InlineData("Storage:RawRetentionDays")]
    [InlineData("Storage:AggregateRetentionDays")]
    public void A_day_count_beyond_a_century_is_a_clear_configuration_problem(string key)
    {
        // The aggregate retention must also cover the analysis window, so a huge window comes with a huge retention.
        var options = key == "Analysis:WindowDays"
            ? Bind(($"HaIngestor:{key}", "2147483647"), ("HaIngestor:Storage:AggregateRetentionDays", "2147483647"))
            : Bind(($"HaIngestor:{key}", "2147483647"));

        Assert.Contains($"HaIngestor:{key} must be at most 36525 (a hundred years; is 2147483647)", OptionsValidation.Problems(options));
    }

    [Fact]
    public void A_value_that_is_not_of_its_options_type_is_a_clear_configuration_problem_for_the_offline_verbs()
    {
        var errors = new StringWriter();

        var settings = OfflineConfiguration.DetectorSettingsOrReport(["Detectors:TimeOfDay:MinOccurrences=abc"], errors);

        Assert.Null(settings);
        Assert.StartsWith("Invalid configuration:", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("'abc' at 'HaIngestor:Detectors:TimeOfDay:MinOccurrences'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_daemon_setting_that_is_not_of_its_type_is_a_clear_configuration_problem()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("HaIngestor:Storage:RawRetentionDays", "a week")])
            .Build();

        var problem = Assert.Single(Assert.Throws<InvalidConfigurationException>(() => HaIngestorOptions.From(configuration)).Problems);

        Assert.Contains("HaIngestor:Storage:RawRetentionDays", problem, StringComparison.Ordinal);
    }
}
