using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HaIngestor.Actors.Analysis;
using HaIngestor.Daemon.Cli;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using HaIngestor.Simulation;
using HaIngestor.Storage.Aggregates;
using HaIngestor.Storage.EventStore;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// <c>import</c> of more days than L1 keeps raw: the complete days it writes go to L2, so the daily runs after L1 has
/// pruned them still detect over the whole imported history.
/// </summary>
public sealed class ImportAggregatesTests : IDisposable
{
    private const int Days = 12;
    private const int RawRetentionDays = 7;
    private readonly string _work = Directory.CreateTempSubdirectory("haingestor-import-l2-").FullName;
    private readonly SimulatedHome _home = SimulatedHome.Create(seed: 11, new SimulationOptions(SensorInterval: TimeSpan.FromHours(1)));

    private string DataDirectory => Path.Combine(_work, "data");

    [Fact]
    public async Task Imported_days_older_than_the_raw_retention_stay_in_the_daily_runs_window_from_L2()
    {
        var now = DateTimeOffset.UtcNow;
        var calendar = _home.Calendar;
        var today = LocalDays.DateOf(now, calendar);
        var firstDay = today.AddDays(-Days);
        SimulationWriter.Write(_work, _home, _home.WindowStart(now, Days), Days);
        var eventsFile = Path.Combine(_work, SimulationWriter.EventsFileName);

        var (exit, summary) = await ImportAsync(eventsFile);
        var (again, repeated) = await ImportAsync(eventsFile);

        Assert.Equal(0, exit);
        var l2Days = summary.GetProperty("l2_days");
        Assert.Equal(Days, l2Days.GetProperty("aggregated").GetInt32());
        Assert.Equal(Iso(firstDay), l2Days.GetProperty("first").GetString());
        Assert.Equal(Iso(today.AddDays(-1)), l2Days.GetProperty("last").GetString());
        Assert.Equal(0, l2Days.GetProperty("too_old").GetInt32());
        Assert.Equal(0, again);
        Assert.Equal(0, repeated.GetProperty("written").GetInt64());
        Assert.Equal(0, repeated.GetProperty("l2_days").GetProperty("aggregated").GetInt32());
        Assert.Equal(JsonValueKind.Null, repeated.GetProperty("l2_days").GetProperty("first").ValueKind);

        var database = $"Data Source={Path.Combine(DataDirectory, "haingestor.db")}";
        var l1 = new SqliteEventStore(database);
        var storage = new AggregateStorage(new SqliteAggregateStore(database), RawRetentionDays, 90);
        var home = HomeProfile.ForTimeZone(_home.TimeZoneId);
        var detectors = DetectorCatalog.CreateGroup(DetectorGroup.A, new DetectorSettings());
        var windowStart = calendar.StartOfDay(firstDay);
        var imported = await l1.ReadAsync(windowStart, now);
        Assert.Equal(summary.GetProperty("written").GetInt64(), imported.Count);

        var first = await RunAsync(l1, storage, detectors, home, windowStart, now);
        await l1.PruneAsync(now.AddDays(-RawRetentionDays));
        var later = now.AddDays(1);
        var second = await RunAsync(l1, storage, detectors, home, windowStart, later);

        Assert.True((await l1.ReadAsync(windowStart, calendar.StartOfDay(today.AddDays(-RawRetentionDays)))).Count == 0, "L1 pruned");
        Assert.Equal((1, 0, Days + 1), (second.Window.Days.Aggregated, second.Window.Days.Rebuilt, second.Window.Days.FromStore));
        Assert.Empty(second.Window.Days.Unavailable);
        Assert.Equal(imported.Count, second.Window.EventCount);
        Assert.Equal(FullRecompute(imported, detectors, home, windowStart, later), Json(second.Patterns));
        Assert.Contains(second.Patterns, p => p.Occurrences > RawRetentionDays);
        Assert.Equal((0, 0, Days), (first.Window.Days.Aggregated, first.Window.Days.Rebuilt, first.Window.Days.FromStore));
        Assert.Empty(first.Window.Days.Unavailable);
        Assert.Equal(FullRecompute(imported, detectors, home, windowStart, now), Json(first.Patterns));
    }

    [Fact]
    public async Task Days_older_than_the_aggregate_retention_and_today_are_not_aggregated_and_the_summary_says_so()
    {
        var now = DateTimeOffset.UtcNow;
        var today = LocalDays.DateOf(now, _home.Calendar);
        var recent = today.AddDays(-3);
        var old = today.AddDays(-100);
        string Line(DateOnly date, string state, string oldState) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["time"] = _home.Calendar.StartOfDay(date).AddHours(1).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["entity_id"] = "light.porch",
            ["state"] = state,
            ["old_state"] = oldState,
        });
        var eventsFile = Path.Combine(_work, SimulationWriter.EventsFileName);
        await File.WriteAllLinesAsync(eventsFile, [Line(old, "on", "off"), Line(recent, "off", "on"), Line(today, "on", "off")]);

        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await ImportCommand.RunAsync(new FileInfo(eventsFile), null, null, json: false, Overrides(), output, errors, CancellationToken.None);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{errors}");
        var text = output.ToString();
        Assert.Contains($"1 complete days aggregated into L2 (the daily aggregates), {Iso(recent)} to {Iso(recent)}", text, StringComparison.Ordinal);
        Assert.Contains("1 days older than the 90-day aggregate retention (Storage:AggregateRetentionDays) not aggregated", text, StringComparison.Ordinal);
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(DataDirectory, "haingestor.db")}");
        Assert.Equal([recent], (await l2.LoadAsync(TimelineDay.KindName, old, today)).Select(r => r.Date));
    }

    [Fact]
    public async Task A_data_directory_that_is_a_file_is_a_clear_configuration_error()
    {
        var eventsFile = Path.Combine(_work, SimulationWriter.EventsFileName);
        await File.WriteAllLinesAsync(eventsFile, ["""{"time":"2025-01-10T18:00:00Z","entity_id":"light.hall","state":"on"}"""]);
        await File.WriteAllTextAsync(DataDirectory, "not a directory");
        var errors = new StringWriter();

        var exit = await ImportCommand.RunAsync(new FileInfo(eventsFile), null, null, json: false, Overrides(), new StringWriter(), errors, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith($"import: the data directory {DataDirectory} cannot be used: ", errors.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, JsonElement Summary)> ImportAsync(string eventsFile)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await ImportCommand.RunAsync(
            new FileInfo(eventsFile), null, null, json: true, Overrides(), output, errors, CancellationToken.None);
        Assert.True(exit is 0 or 3, $"exit {exit}\n{output}\n{errors}");
        using var document = JsonDocument.Parse(output.ToString());
        return (exit, document.RootElement.Clone());
    }

    private Dictionary<string, string?> Overrides() => new()
    {
        ["HaIngestor:DataDirectory"] = DataDirectory,
        ["HaIngestor:Home:TimeZone"] = _home.TimeZoneId,
    };

    /// <summary>The daily run's detection: the window read through L2, then every detector of the group on it.</summary>
    private static async Task<(AggregatedWindow Window, IReadOnlyList<Pattern> Patterns)> RunAsync(
        IEventStore l1, AggregateStorage storage, IReadOnlyList<IPatternDetector> detectors, HomeProfile home, DateTimeOffset windowStart, DateTimeOffset now)
    {
        var window = await AggregatedWindowLoader.LoadAsync(l1, storage, detectors.Cast<IAggregatingDetector>().ToList(), home, windowStart, now, now);
        return (window, detectors.SelectMany(d => d.Detect(window.Context)).ToList());
    }

    private static string FullRecompute(
        IReadOnlyList<StateChange> events, IReadOnlyList<IPatternDetector> detectors, HomeProfile home, DateTimeOffset windowStart, DateTimeOffset windowEnd) =>
        Json(detectors.SelectMany(d => d.Detect(new DetectionContext(events, home, windowStart, windowEnd))));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The patterns as JSON lines grouped by type: each detector's own order is kept.</summary>
    private static string Json(IEnumerable<Pattern> patterns) =>
        string.Join('\n', patterns.GroupBy(p => p.Type).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Select(Line)));

    private static string Line(Pattern pattern)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PatternJson.Write(writer, pattern);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }
}
