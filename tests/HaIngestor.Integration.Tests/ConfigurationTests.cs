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
}
