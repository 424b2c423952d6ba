using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Evaluation;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Evaluation;

public sealed class PlantedTruthTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 15, 0, 0, 0, TimeSpan.FromHours(1));

    private static TruthSet Truth(SimulationOptions? options = null) => PlantedTruth.Derive(SimulatedHome.Create(1, options), Start, 30);

    private static IEnumerable<TruthEntry> Of(TruthSet truth, string kind) => truth.Entries.Where(e => e.Kind == kind);

    [Fact]
    public void Kitchen_light_then_motion_off_is_a_required_co_occurrence_but_motion_on_then_light_is_not()
    {
        var pairs = Of(Truth(), CoOccurrenceDetector.TypeName).ToList();

        Assert.Contains(pairs, p => p.Required && p.Entities.SequenceEqual(["light.kitchen_ceiling_light", "binary_sensor.kitchen_motion_occupancy"]) && p.States.SequenceEqual(["on", "off"]));

        // Kitchen motion also goes on five times a day without the light: the light follows in few of its occurrences.
        Assert.DoesNotContain(pairs, p => p.Entities.SequenceEqual(["binary_sensor.kitchen_motion_occupancy", "light.kitchen_ceiling_light"]));
    }

    [Theory]
    [InlineData(1, "2024-03-15T00:00:00+01:00")]
    [InlineData(7, "2025-03-20T00:00:00+01:00")]
    public void A_month_of_the_default_home_plants_enough_of_every_kind_to_score_precision_and_recall(int seed, string start)
    {
        var truth = PlantedTruth.Derive(SimulatedHome.Create(seed), DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), 30);

        var required = truth.Entries.Where(e => e.Required).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(
            new[] { TimeOfDayDetector.TypeName, CoOccurrenceDetector.TypeName, SequenceDetector.TypeName, DurationDetector.TypeName, RoomDetector.TypeName, AnomalyDetector.TypeName },
            kind => Assert.True(required.GetValueOrDefault(kind) >= 9, $"{kind}: {required.GetValueOrDefault(kind)} required entries"));
        Assert.Equal(
            ["bathroom", "bedroom", "dining_room", "hallway", "kids_room", "kitchen", "living_room", "office", "utility"],
            Of(truth, RoomDetector.TypeName).Select(r => ((RoomTruth)r.Details).Area).Order(StringComparer.Ordinal));
        Assert.Contains(Of(truth, TimeOfDayDetector.TypeName), t => t.Required && ((TimeOfDayTruth)t.Details).LocalMinuteOfDay < 7 * 60 && t.Source == "kids-bedtime");
    }

    [Theory]
    [InlineData("2024-03-20T22:00:00Z", false)] // 23:00 local: that day's odd-hour session is before the window
    [InlineData("2024-03-19T23:00:00Z", true)] // local midnight
    public void An_anomaly_is_planted_truth_only_when_the_window_holds_it(string start, bool holdsFirstEvening)
    {
        var home = SimulatedHome.Create(4);
        var from = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var events = new HistoryGenerator(home).Generate(from, 30).ToList();

        var truth = PlantedTruth.Derive(home, from, 30);

        var odd = Of(truth, AnomalyDetector.TypeName).Where(a => a.Source == "desk-lamp-at-night").Select(a => ((AnomalyTruth)a.Details).Date).ToList();
        Assert.Equal(holdsFirstEvening, odd.Contains(new DateOnly(2024, 3, 20)));
        Assert.All(odd, date => Assert.Contains(events, e => e.EntityId == "light.office_desk_lamp" && e.State == "on" && home.Calendar.LocalDate(e.Time) == date));
    }

    [Fact]
    public void Durations_are_the_planted_on_times_and_only_concentrated_ones_are_required()
    {
        var durations = Of(Truth(), DurationDetector.TypeName).ToDictionary(e => e.Entities[0]);

        var coffee = Assert.IsType<DurationTruth>(durations["switch.kitchen_coffee_plug"].Details);
        Assert.Equal(26 * 60, coffee.MedianSeconds, 1);
        Assert.True(durations["switch.kitchen_coffee_plug"].Required);
        Assert.Equal((4 * 3600) + (20 * 60), Assert.IsType<DurationTruth>(durations["light.living_room_floor_lamp"].Details).MedianSeconds, 1);

        // Guest lamp sessions last anywhere from 3 to 75 minutes: a true median, but no typical on-time.
        Assert.False(durations["light.guest_room_lamp"].Required);
        Assert.Equal(39 * 60, Assert.IsType<DurationTruth>(durations["light.guest_room_lamp"].Details).MedianSeconds, 1);
        Assert.False(durations["light.garden_path_light"].Human);
    }

    [Fact]
    public void Sequences_rooms_and_anomalies_come_from_the_activities_and_the_calendar()
    {
        var truth = Truth();

        Assert.Contains(Of(truth, SequenceDetector.TypeName), s => s.Source == "kitchen-morning"
            && s.Entities.SequenceEqual(["binary_sensor.kitchen_motion_occupancy", "light.kitchen_ceiling_light", "binary_sensor.kitchen_motion_occupancy", "switch.kitchen_coffee_plug"]));
        var kitchen = Assert.Single(Of(truth, RoomDetector.TypeName), r => ((RoomTruth)r.Details).Area == "kitchen");
        Assert.Equal(["binary_sensor.kitchen_motion_occupancy", "light.kitchen_ceiling_light", "switch.kitchen_coffee_plug"], kitchen.Entities);

        var anomalies = Of(truth, AnomalyDetector.TypeName).Select(a => (AnomalyTruth)a.Details).ToList();
        Assert.Contains(anomalies, a => a.AnomalyKind == AnomalyDetails.UnusualHour);
        Assert.Contains(anomalies, a => a.AnomalyKind == AnomalyDetails.LongOnTime);
        Assert.All(anomalies, a => Assert.InRange(a.Date, new DateOnly(2024, 3, 15), new DateOnly(2024, 4, 13)));
    }

    [Fact]
    public void Without_planted_anomalies_the_history_has_none_and_the_truth_lists_none()
    {
        var options = new SimulationOptions(PlantAnomalies: false);
        var home = SimulatedHome.Create(1, options);
        var lampOns = new HistoryGenerator(home).Generate(Start, 30)
            .Where(e => e is { EntityId: "light.living_room_floor_lamp", State: "on" })
            .Select(e => home.Calendar.ToLocal(e.Time).Hour);

        Assert.Empty(Of(Truth(options), AnomalyDetector.TypeName));
        Assert.All(lampOns, hour => Assert.InRange(hour, 18, 20));
    }

    [Fact]
    public void Truth_json_reads_back_every_entry()
    {
        var home = SimulatedHome.Create(3);
        using var stream = new MemoryStream();
        TruthFile.Write(stream, home, Start, 30);

        var read = TruthJson.Read(stream.ToArray(), out var skipped);

        Assert.NotNull(read);
        Assert.Equal(0, skipped);
        var expected = PlantedTruth.Derive(home, Start, 30).Entries;
        Assert.Equal(expected.Count, read.Entries.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Kind, read.Entries[i].Kind);
            Assert.Equal(expected[i].Entities, read.Entries[i].Entities);
            Assert.Equal(expected[i].States, read.Entries[i].States);
            Assert.Equal(expected[i].Required, read.Entries[i].Required);
            Assert.Equal(expected[i].Details, read.Entries[i].Details);
        }
    }

    [Fact]
    public void Truth_reader_skips_unknown_and_broken_entries_and_never_throws()
    {
        Assert.Null(TruthJson.Read("nope"u8, out _));
        var read = TruthJson.Read(
            """{"patterns":[{"kind":"room","entities":["a","b"],"states":["on","on"],"human":true,"area":"hall"},{"kind":"frobnicate","human":true},{"kind":"duration","entity_id":"x"},7]}"""u8,
            out var skipped);

        Assert.Equal(3, skipped);
        var room = Assert.Single(read!.Entries);
        Assert.True(room.Required);
        Assert.Equal(new RoomTruth("hall"), room.Details);
    }
}
