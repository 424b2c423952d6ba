using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>Imported history counts each real change once: not again when imported again, not when heard live.</summary>
public sealed class ImportSelectionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A switch toggled every hour from <paramref name="fromHour"/> to <paramref name="toHour"/> (both included).</summary>
    private static List<ImportedChange> Toggles(int fromHour, int toHour) =>
        Enumerable.Range(fromHour, toHour - fromHour + 1)
            .Select(h => new ImportedChange(
                T0.AddHours(h), DateOnly.FromDateTime(T0.AddHours(h).UtcDateTime),
                new PropertyChange("state", h % 2 == 0 ? "\"OFF\"" : "\"ON\"", h % 2 == 0 ? "\"ON\"" : "\"OFF\"", UsageOrigin.Human)))
            .ToList();

    private static DeviceSnapshot Import(DeviceSnapshot snapshot, IReadOnlyList<ImportedChange> changes, out ImportSelection selection)
    {
        selection = snapshot.SelectImported(changes);
        return snapshot.ApplyImported(selection.Counted, DeviceSnapshot.DefaultDaysKept, selection.Covered);
    }

    private static long Count(DeviceSnapshot snapshot) => snapshot.Usage["state"].ChangeCount;

    [Fact]
    public void The_same_history_imported_twice_counts_once()
    {
        var snapshot = Import(DeviceSnapshot.Empty, Toggles(0, 9), out var first);
        snapshot = Import(snapshot, Toggles(0, 9), out var second);

        Assert.Equal(10, first.Counted.Count);
        Assert.Empty(second.Counted);
        Assert.Equal(10, second.SkippedImported);
        Assert.Equal(10, Count(snapshot));
        Assert.Equal(OriginCounts.Of(UsageOrigin.Human, 10), snapshot.Usage["state"].ByOrigin);
    }

    [Fact]
    public void A_longer_history_overlapping_an_earlier_import_adds_only_what_lies_outside_it()
    {
        var snapshot = Import(DeviceSnapshot.Empty, Toggles(5, 9), out _);
        snapshot = Import(snapshot, Toggles(0, 14), out var longer);

        Assert.Equal(5, longer.SkippedImported);
        Assert.Equal(Toggles(0, 4).Concat(Toggles(10, 14)).Select(c => c.Time), longer.Counted.Select(c => c.Time));
        Assert.Equal(15, Count(snapshot));
        Assert.Equal([new TimeRange(T0, T0.AddHours(14))], snapshot.Imported["state"].Ranges);
    }

    [Fact]
    public void An_older_history_imported_after_a_newer_one_counts_its_uses_before_it()
    {
        var snapshot = Import(DeviceSnapshot.Empty, Toggles(10, 19), out _);
        snapshot = Import(snapshot, Toggles(0, 12), out var older);

        Assert.Equal(10, older.Counted.Count);
        Assert.Equal(3, older.SkippedImported);
        Assert.Equal(20, Count(snapshot));

        // Disjoint imports stay two ranges: the gap between them is not taken as imported.
        snapshot = Import(snapshot, Toggles(30, 31), out _);
        snapshot = Import(snapshot, Toggles(20, 32), out var between);
        Assert.Equal(Toggles(20, 29).Concat(Toggles(32, 32)).Select(c => c.Time), between.Counted.Select(c => c.Time));
        Assert.Equal(2, between.SkippedImported);
        Assert.Equal(33, Count(snapshot));
    }

    [Fact]
    public void Ranges_are_per_feature()
    {
        var snapshot = Import(DeviceSnapshot.Empty, Toggles(0, 9), out _);
        var brightness = Toggles(0, 9).Select(c => c with { Change = new PropertyChange("brightness", "1", "2", UsageOrigin.Human) }).ToList();

        snapshot = Import(snapshot, brightness, out var selection);

        Assert.Equal(10, selection.Counted.Count);
        Assert.Equal(10, snapshot.Usage["brightness"].ChangeCount);
    }

    [Fact]
    public void Parts_of_one_import_are_checked_against_the_ranges_before_it()
    {
        var snapshot = Import(DeviceSnapshot.Empty, Toggles(20, 29), out _);
        var before = snapshot.Imported;
        // One import in two parts, the second starting at the time the first ended: the first part's range hides
        // nothing of it.
        var all = Toggles(0, 25);
        var first = snapshot.SelectImported(all[..8], before);
        snapshot = snapshot.ApplyImported(first.Counted, DeviceSnapshot.DefaultDaysKept, first.Covered);
        var second = snapshot.SelectImported(all[7..], before);

        Assert.Equal(Toggles(7, 19).Select(c => c.Time), second.Counted.Select(c => c.Time));
        Assert.Equal(6, second.SkippedImported);
    }

    [Fact]
    public void Uses_while_the_device_was_heard_live_are_skipped_and_those_while_it_was_not_count()
    {
        var snapshot = DeviceSnapshot.Empty;
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        // Heard from 3:00 to 6:00 every 30 minutes, then not until 9:00 (the daemon was stopped), then 9:00 to 10:00.
        foreach (var minutes in new[] { 180, 210, 240, 270, 300, 330, 360, 540, 570, 600 })
        {
            snapshot = snapshot.Apply([new PropertyChange("linkquality_probe", null, minutes.ToString(System.Globalization.CultureInfo.InvariantCulture))], T0.AddMinutes(minutes), day);
        }

        // HA's time of a change is a little off the daemon's time of its MQTT message: still the same change.
        var history = Toggles(0, 12).Select(c => c with { Time = c.Time.AddSeconds(2) }).ToList();
        var selection = snapshot.SelectImported(history);

        Assert.Equal(
            new[] { 0, 1, 2, 7, 8, 11, 12 }.Select(h => T0.AddHours(h).AddSeconds(2)),
            selection.Counted.Select(c => c.Time));
        Assert.Equal(6, selection.SkippedLive);
        Assert.Equal(0, selection.SkippedImported);
        Assert.Equal([new TimeRange(T0.AddHours(3), T0.AddHours(6)), new TimeRange(T0.AddHours(9), T0.AddHours(10))], snapshot.Live.Ranges);
    }

    [Fact]
    public void First_values_skipped_are_not_reported_as_skipped_uses()
    {
        var first = new ImportedChange(T0, DateOnly.FromDateTime(T0.UtcDateTime), new PropertyChange("state", null, "\"ON\""));
        var snapshot = Import(DeviceSnapshot.Empty, [first], out _);

        Assert.Equal(0, snapshot.SelectImported([first]).SkippedImported);
        Assert.Empty(snapshot.SelectImported([first]).Counted);
    }

    [Fact]
    public void Time_ranges_merge_when_they_overlap_or_touch_within_the_join_gap()
    {
        var ranges = TimeRanges.None
            .Add(new TimeRange(T0.AddHours(5), T0.AddHours(6)))
            .Add(new TimeRange(T0, T0.AddHours(1)))
            .Add(new TimeRange(T0.AddHours(10), T0.AddHours(11)))
            .Add(new TimeRange(T0.AddMinutes(30), T0.AddHours(5).AddMinutes(30)));

        Assert.Equal([new TimeRange(T0, T0.AddHours(6)), new TimeRange(T0.AddHours(10), T0.AddHours(11))], ranges.Ranges);
        Assert.Equal(
            [new TimeRange(T0, T0.AddHours(11))],
            ranges.Add(new TimeRange(T0.AddHours(7), T0.AddHours(7)), TimeSpan.FromHours(3)).Ranges);
        Assert.True(ranges.Contains(T0.AddHours(6)));
        Assert.False(ranges.Contains(T0.AddHours(7)));
        Assert.True(ranges.Contains(T0.AddHours(9).AddMinutes(59), TimeSpan.FromMinutes(1)));
    }
}
