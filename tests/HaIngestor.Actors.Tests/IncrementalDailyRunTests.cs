using System.Buffers;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using HaIngestor.Storage.Aggregates;
using HaIngestor.Storage.EventStore;

namespace HaIngestor.Actors.Tests;

/// <summary>The daily run with L1 holding only its last days and L2 holding the rest.</summary>
public sealed class IncrementalDailyRunTests : TestKit, IDisposable
{
    private static readonly HomeProfile Home = HomeProfile.ForTimeZone("Europe/Madrid");
    private static readonly HomeCalendar Calendar = Home.Calendar;
    private static readonly DateOnly Today = new(2025, 6, 10);
    private static readonly DateOnly FirstDay = Today.AddDays(-30);
    private static readonly DateTimeOffset RunAt = Calendar.StartOfDay(Today).AddHours(3);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "haingestor-l2-" + Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<IPatternDetector> Detectors =>
    [
        new TimeOfDayDetector(), new CoOccurrenceDetector(), new SequenceDetector(),
        new RoomDetector(), new DurationDetector(), new AnomalyDetector(),
    ];

    [Fact]
    public async Task A_daily_run_with_7_days_in_L1_and_the_rest_in_L2_finds_the_30_day_patterns()
    {
        var events = History();
        var rawHorizon = RunAt.AddDays(-7);
        var l1 = new InMemoryEventStore(events.Where(e => e.Time >= rawHorizon));
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var l2Days = events.Where(e => e.Time < Calendar.StartOfDay(Today.AddDays(-6))).ToList();
        await StoreAsync(l2, l2Days, Detectors);
        await l2.SaveAsync([new StoredAggregate(TimelineDay.KindName, Today.AddDays(-100), [1, 0, 0, 0, 0], "old", 0)]);

        var windowStart = Calendar.StartOfDay(FirstDay);
        var (report, patterns) = Run(l1, new AggregateStorage(l2, 7, 90), windowStart);

        var expected = Detectors.SelectMany(d => d.Detect(new DetectionContext(events.Where(e => e.Time < RunAt).ToList(), Home, windowStart, RunAt))).ToList();
        Assert.True(report.Status == AnalysisRunStatus.Completed, string.Join("; ", report.Failures));
        Assert.Equal(Json(expected), Json(patterns));
        Assert.Equal(events.Count(e => e.Time < RunAt), report.EventCount);
        var kitchen = Assert.Single(patterns, p => p.Type == TimeOfDayDetector.TypeName && p.Entities[0] == "light.kitchen" && p.States[0] == "on");
        Assert.True(kitchen.Occurrences >= 29, $"{kitchen.Occurrences} mornings");
        Assert.Contains(patterns, p => p.Type == CoOccurrenceDetector.TypeName && p.Entities.SequenceEqual(["light.hall", "light.stairs"]));
        Assert.Contains(patterns, p => p.Type == DurationDetector.TypeName && p.Entities[0] == "light.kitchen");

        Assert.Equal((6, 0, 30, 0), Counts(report));
        Assert.Equal(30, (await l2.LoadAsync(TimelineDay.KindName, FirstDay, Today)).Count);
        Assert.Equal(30, (await l2.LoadAsync(TimeOfDayDay.KindName, FirstDay, Today)).Count);
        Assert.Empty(await l2.LoadAsync(TimelineDay.KindName, Today.AddDays(-200), Today.AddDays(-91)));
    }

    [Fact]
    public void Without_L2_the_same_run_sees_only_what_L1_still_holds()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events.Where(e => e.Time >= RunAt.AddDays(-7)));

        var (_, patterns) = Run(l1, null, Calendar.StartOfDay(FirstDay));

        var kitchen = Assert.Single(patterns, p => p.Type == TimeOfDayDetector.TypeName && p.Entities[0] == "light.kitchen" && p.States[0] == "on");
        Assert.True(kitchen.Occurrences <= 7, $"{kitchen.Occurrences} mornings");
    }

    [Fact]
    public async Task The_next_days_run_aggregates_only_the_new_day_and_rebuilds_a_corrupt_day()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events.Where(e => e.Time >= RunAt.AddDays(-7)));
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var upToYesterday = events.Where(e => e.Time < Calendar.StartOfDay(Today.AddDays(-1))).ToList();
        await StoreAsync(l2, upToYesterday, Detectors);
        var corruptFingerprint = AggregateFingerprint.Of(new DurationDetector(), Home);
        await l2.SaveAsync([new StoredAggregate(TimelineDay.KindName, Today.AddDays(-2), [1, 200], corruptFingerprint, 0)]);
        var windowStart = Calendar.StartOfDay(FirstDay);

        var (report, patterns) = Run(l1, new AggregateStorage(l2, 7, 90), windowStart);

        var expected = Detectors.SelectMany(d => d.Detect(new DetectionContext(events.Where(e => e.Time < RunAt).ToList(), Home, windowStart, RunAt))).ToList();
        Assert.True(report.Status == AnalysisRunStatus.Completed, string.Join("; ", report.Failures));
        Assert.Equal(Json(expected), Json(patterns));
        Assert.Equal((1, 1, 30, 0), Counts(report));
        var repaired = Assert.Single(await l2.LoadAsync(TimelineDay.KindName, Today.AddDays(-2), Today.AddDays(-2)));
        Assert.True(DailyAggregateCodec.TryDecode(repaired.Kind, repaired.Date, repaired.Payload, out _, out var error), error);
    }

    [Fact]
    public async Task A_window_within_today_is_read_raw_and_still_brings_L2_up_to_date()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events.Where(e => e.Time >= RunAt.AddDays(-7)));
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");

        var (report, _) = Run(l1, new AggregateStorage(l2, 7, 90), Calendar.StartOfDay(Today));

        Assert.True(report.Status == AnalysisRunStatus.Completed, string.Join("; ", report.Failures));
        Assert.Equal(events.Count(e => e.Time >= Calendar.StartOfDay(Today) && e.Time < RunAt), report.EventCount);
        Assert.Equal(6, (await l2.LoadAsync(TimelineDay.KindName, FirstDay, Today)).Count);
        Assert.Equal(6, (await l2.LoadAsync(TimeOfDayDay.KindName, FirstDay, Today)).Count);
    }

    [Fact]
    public async Task A_changed_aggregation_setting_rebuilds_every_day_L1_holds_and_equals_a_full_recompute()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events);
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var storage = new AggregateStorage(l2, 31, 90);
        var windowStart = Calendar.StartOfDay(FirstDay);
        var (first, before) = Run(l1, storage, windowStart);
        var changed = WithSettings(new DetectorSettings
        {
            TimeOfDay = new TimeOfDaySettings { IgnoredDomains = [.. new TimeOfDaySettings().IgnoredDomains, "light"] },
        });

        var (report, patterns) = Run(l1, storage, windowStart, changed);
        var (again, _) = Run(l1, storage, windowStart, changed);

        Assert.Equal((30, 0, 30, 0), Counts(first));
        Assert.Contains(before, p => p.Type == TimeOfDayDetector.TypeName && p.Entities[0] == "light.kitchen");
        Assert.Equal((0, 30, 30, 0), Counts(report));
        Assert.Equal(FullRecompute(events, windowStart, changed), Json(patterns));
        Assert.DoesNotContain(patterns, p => p.Type == TimeOfDayDetector.TypeName && p.Entities[0] == "light.kitchen");
        Assert.Contains(patterns, p => p.Type == CoOccurrenceDetector.TypeName);
        Assert.Equal((0, 0, 30, 0), Counts(again));
    }

    [Fact]
    public async Task A_changed_detection_threshold_rebuilds_nothing_and_still_equals_a_full_recompute()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events);
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var storage = new AggregateStorage(l2, 31, 90);
        var windowStart = Calendar.StartOfDay(FirstDay);
        Run(l1, storage, windowStart);
        var changed = WithSettings(new DetectorSettings
        {
            TimeOfDay = new TimeOfDaySettings { MinOccurrences = 40 },
            CoOccurrence = new CoOccurrenceSettings(WindowSeconds: 10),
            Duration = new DurationSettings(MinPeriods: 50),
        });

        var (report, patterns) = Run(l1, storage, windowStart, changed);

        Assert.Equal((0, 0, 30, 0), Counts(report));
        Assert.Equal(FullRecompute(events, windowStart, changed), Json(patterns));
        Assert.DoesNotContain(patterns, p => p.Type is TimeOfDayDetector.TypeName or DurationDetector.TypeName);
    }

    [Fact]
    public async Task Stale_days_L1_no_longer_holds_are_left_out_and_reported_never_mixed_in()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events.Where(e => e.Time >= RunAt.AddDays(-7)));
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        await StoreAsync(l2, events.Where(e => e.Time < Calendar.StartOfDay(Today.AddDays(-6))).ToList(), Detectors);
        var changed = WithSettings(new DetectorSettings
        {
            TimeOfDay = new TimeOfDaySettings { IgnoredDomains = [.. new TimeOfDaySettings().IgnoredDomains, "sensor"] },
        });
        var windowStart = Calendar.StartOfDay(FirstDay);

        var (report, patterns) = Run(l1, new AggregateStorage(l2, 7, 90), windowStart, changed);

        Assert.Equal((6, 0, 6, 24), Counts(report));
        Assert.Equal(Enumerable.Range(0, 24).Select(FirstDay.AddDays), report.AggregateDays!.Unavailable);
        Assert.Equal(FullRecompute(events.Where(e => e.Time >= Calendar.StartOfDay(Today.AddDays(-6))), windowStart, changed), Json(patterns));
        Assert.Equal(events.Count(e => e.Time >= Calendar.StartOfDay(Today.AddDays(-6)) && e.Time < RunAt), report.EventCount);
    }

    [Fact]
    public async Task Late_events_for_an_aggregated_day_make_the_next_run_rebuild_it_and_equal_a_full_recompute()
    {
        var events = History();
        var file = $"Data Source={Path.Combine(directory, "haingestor.db")}";
        var l1 = new SqliteEventStore(file);
        await l1.AppendAsync(events);
        var l2 = new SqliteAggregateStore(file);
        var storage = new AggregateStorage(l2, 31, 90);
        var windowStart = Calendar.StartOfDay(FirstDay);
        var (first, _) = Run(l1, storage, windowStart);
        var lateDay = Today.AddDays(-3);
        var evening = Calendar.StartOfDay(lateDay).AddHours(20);
        List<StateChange> late =
        [
            new(evening, "light.study", "on", "off", "study"),
            new(evening.AddMinutes(50), "light.study", "off", "on", "study"),
        ];

        await l1.AppendAsync(late);
        var (report, patterns) = Run(l1, storage, windowStart);

        Assert.Equal((30, 0, 30, 0), Counts(first));
        Assert.Equal((0, 1, 30, 0), Counts(report));
        Assert.Equal(FullRecompute(events.Concat(late).OrderBy(e => e.Time), windowStart, Detectors), Json(patterns));
        var row = Assert.Single(await l2.LoadAsync(TimelineDay.KindName, lateDay, lateDay));
        Assert.True(DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var day, out var error), error);
        Assert.Contains("light.study", ((TimelineDay)day).Entities);
        Assert.Equal(events.Count(e => e.Time < RunAt) + late.Count, report.EventCount);
    }

    [Fact]
    public async Task Days_marked_stale_are_rebuilt_by_the_next_run()
    {
        var events = History();
        var l1 = new InMemoryEventStore(events);
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var storage = new AggregateStorage(l2, 31, 90);
        var windowStart = Calendar.StartOfDay(FirstDay);
        Run(l1, storage, windowStart);

        var marked = await l2.MarkStaleAsync([Today.AddDays(-4), Today.AddDays(-9)]);
        var (report, patterns) = Run(l1, storage, windowStart);

        Assert.Equal(4, marked);
        Assert.Equal((0, 2, 30, 0), Counts(report));
        Assert.Equal(FullRecompute(events, windowStart, Detectors), Json(patterns));
        Assert.All(await l2.LoadAsync(TimelineDay.KindName, FirstDay, Today), row => Assert.NotEqual("", row.Fingerprint));
    }

    [Fact]
    public async Task Events_appended_while_a_run_reads_L1_make_the_next_run_rebuild_their_day()
    {
        var events = History();
        var readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var l1 = new InMemoryEventStore(events) { ReadGate = readGate };
        var l2 = new SqliteAggregateStore($"Data Source={Path.Combine(directory, "haingestor.db")}");
        var storage = new AggregateStorage(l2, 31, 90);
        var windowStart = Calendar.StartOfDay(FirstDay);
        var evening = Calendar.StartOfDay(Today.AddDays(-3)).AddHours(21);
        List<StateChange> late = [new(evening, "light.study", "on", "off", "study"), new(evening.AddMinutes(30), "light.study", "off", "on", "study")];

        var suggestions = StartRun(l1, storage, windowStart, Detectors);
        AwaitCondition(() => l1.WriteLogReads > 0, TimeSpan.FromSeconds(10));
        await l1.AppendAsync(late);
        readGate.SetResult();
        var (first, _) = Collect(suggestions);
        l1.ReadGate = null;
        var (second, patterns) = Run(l1, storage, windowStart);

        Assert.Equal((30, 0, 30, 0), Counts(first));
        Assert.Equal((0, 1, 30, 0), Counts(second));
        Assert.Equal(FullRecompute(events.Concat(late).OrderBy(e => e.Time), windowStart, Detectors), Json(patterns));
    }

    public new void Dispose()
    {
        base.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>31 days up to 06:00 today: a kitchen light every morning, hall then stairs every evening, noise.</summary>
    private static List<StateChange> History()
    {
        var events = new List<StateChange>();
        var random = new Random(5);
        for (var date = FirstDay; date <= Today; date = date.AddDays(1))
        {
            var midnight = Calendar.StartOfDay(date);
            var morning = midnight.AddMinutes(7 * 60 + random.Next(-6, 7));
            events.Add(new StateChange(morning, "light.kitchen", "on", "off", "kitchen", UserId: "u1"));
            events.Add(new StateChange(morning.AddMinutes(25 + random.Next(0, 6)), "light.kitchen", "off", "on", "kitchen", Origin.Automation, ParentId: "p"));
            var evening = midnight.AddMinutes(22 * 60 + random.Next(-20, 21));
            events.Add(new StateChange(evening, "light.hall", "on", "off", "hall"));
            events.Add(new StateChange(evening.AddSeconds(20 + random.Next(0, 20)), "light.stairs", "on", "off", "hall"));
            events.Add(new StateChange(evening.AddMinutes(15), "light.hall", "off", "on", "hall"));
            events.Add(new StateChange(evening.AddMinutes(16), "light.stairs", "off", "on", "hall"));
            for (var k = 0; k < 48; k++)
            {
                events.Add(new StateChange(midnight.AddMinutes(30 * k + 7), "sensor.hall_temperature", (20 + random.NextDouble()).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return events.Where(e => e.Time < Calendar.StartOfDay(Today).AddHours(6)).OrderBy(e => e.Time).ToList();
    }

    private static async Task StoreAsync(SqliteAggregateStore l2, IReadOnlyList<StateChange> events, IReadOnlyList<IPatternDetector> detectors)
    {
        var fingerprints = IncrementalAnalysis.Aggregators(detectors).ToDictionary(a => a.AggregateKind, a => AggregateFingerprint.Of(a, Home));
        await l2.SaveAsync(IncrementalAnalysis.Aggregate(events, Home, detectors).Select(a => StoredAggregate.Of(a, fingerprints[a.Kind], 0)).ToList());
    }

    private static (int Aggregated, int Rebuilt, int FromAggregates, int Unavailable) Counts(AnalysisRunReport report)
    {
        Assert.NotNull(report.AggregateDays);
        var days = report.AggregateDays;
        return (days.Aggregated, days.Rebuilt, days.FromStore, days.Unavailable.Count);
    }

    private static IReadOnlyList<IPatternDetector> WithSettings(DetectorSettings settings) => DetectorCatalog.CreateAll(settings);

    private static string FullRecompute(IEnumerable<StateChange> events, DateTimeOffset windowStart, IReadOnlyList<IPatternDetector> detectors)
    {
        var window = events.Where(e => e.Time >= windowStart && e.Time < RunAt).ToList();
        return Json(detectors.SelectMany(d => d.Detect(new DetectionContext(window, Home, windowStart, RunAt))));
    }

    private (AnalysisRunReport Report, IReadOnlyList<Pattern> Patterns) Run(IEventStore l1, AggregateStorage? l2, DateTimeOffset windowStart) =>
        Run(l1, l2, windowStart, Detectors);

    private (AnalysisRunReport Report, IReadOnlyList<Pattern> Patterns) Run(
        IEventStore l1, AggregateStorage? l2, DateTimeOffset windowStart, IReadOnlyList<IPatternDetector> detectors) =>
        Collect(StartRun(l1, l2, windowStart, detectors));

    private (AnalysisRunReport Report, IReadOnlyList<Pattern> Patterns) Collect(TestProbe suggestions)
    {
        var report = ExpectMsg<AnalysisRunCompleted>(TimeSpan.FromSeconds(30)).Report;
        return (report, suggestions.ExpectMsg<PublishAnalysis>(TimeSpan.FromSeconds(30)).Patterns);
    }

    private TestProbe StartRun(IEventStore l1, AggregateStorage? l2, DateTimeOffset windowStart, IReadOnlyList<IPatternDetector> detectors)
    {
        var devices = CreateTestProbe();
        devices.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is GetCapabilities)
            {
                sender.Tell(new CapabilitySnapshot([], null));
            }

            if (message is GetDeviceUsage)
            {
                sender.Tell(new DeviceUsageView([]));
            }

            return AutoPilot.KeepRunning;
        }));
        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("d1", "daily", "schedule", windowStart, RunAt);
        Sys.ActorOf(AnalysisRunActor.Props(
            request, new AnalysisSettings(), Home, l1, devices, suggestions, detectors, new ManualTimeProvider(RunAt), TestActor, l2));
        return suggestions;
    }

    /// <summary>The patterns as sorted JSON lines: detectors answer in any order, each detector's own order is kept.</summary>
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
}
