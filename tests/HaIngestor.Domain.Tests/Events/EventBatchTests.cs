using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Events;

public sealed class EventBatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 28, 22, 30, 0, TimeSpan.Zero);
    private static readonly HomeCalendar Berlin = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private static EventBatch BatchOf(IEnumerable<StateChange> changes)
    {
        var batch = new EventBatch(capacity: 2);
        foreach (var change in changes)
        {
            batch.Add(change);
        }

        return batch;
    }

    [Fact]
    public void Appended_changes_come_back_whole_with_shared_strings()
    {
        StateChange[] changes =
        [
            new(T0, "light.kitchen", "on", "off", "kitchen", Origin.Manual, "user-1"),
            new(T0.AddSeconds(1), "light.kitchen", "off", "on", "kitchen", Origin.Automation, null, "parent-1"),
            new(T0.AddSeconds(2), "sensor.temp", "21.5"),
            new(T0.AddSeconds(3), "light.kitchen", "unavailable", null, null, Origin.System, "user-1", "parent-2"),
        ];

        var batch = BatchOf(changes);

        Assert.Equal(4, batch.Count);
        Assert.True(batch.IsSorted);
        Assert.Equal(changes, batch.AsEnumerable());
        Assert.Same(batch[0].EntityId, batch[1].EntityId);
        Assert.Same(batch[0].State, batch[1].OldState);
        Assert.Equal(2, batch.Entities.Count);
        Assert.Equal(["on", "off", "21.5", "unavailable"], Enumerable.Range(0, batch.States.Count).Select(i => batch.States[i]));
        Assert.Equal([0, 0, -1, -1], batch.Area.ToArray());
        Assert.Equal(Origin.Automation, batch.OriginAt(1));
        Assert.Equal(TimeSpan.Zero, batch[0].Time.Offset);
    }

    [Fact]
    public void An_empty_batch_has_no_changes_no_days_and_refuses_indices()
    {
        var batch = new EventBatch(capacity: 0);

        Assert.Equal(0, batch.Count);
        Assert.True(batch.IsSorted);
        Assert.Empty(batch.Slice(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Empty(LocalDays.Split(batch, Berlin, T0.AddDays(-10), T0.AddDays(10)));
        Assert.Equal(0, batch.RemoveRepeats());
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[0]);
    }

    [Fact]
    public void Sorting_is_by_time_and_stable_for_changes_at_the_same_instant()
    {
        var batch = BatchOf(
        [
            new(T0.AddMinutes(5), "light.a", "on"),
            new(T0, "light.b", "on"),
            new(T0.AddMinutes(5), "light.c", "on"),
            new(T0.AddMinutes(1), "light.d", "on"),
            new(T0.AddMinutes(5), "light.e", "on"),
        ]);

        Assert.False(batch.IsSorted);
        Assert.Throws<InvalidOperationException>(() => batch.Slice(T0, T0.AddHours(1)));
        batch.Sort();

        Assert.True(batch.IsSorted);
        Assert.Equal(["light.b", "light.d", "light.a", "light.c", "light.e"], batch.AsEnumerable().Select(e => e.EntityId));
    }

    [Fact]
    public void Repeats_at_an_instant_are_dropped_and_counted_keeping_the_first()
    {
        var batch = BatchOf(
        [
            new(T0, "light.a", "on", null, "hall"),
            new(T0, "light.b", "on"),
            new(T0, "light.a", "on", null, "attic"),
            new(T0, "light.a", "off"),
            new(T0.AddMinutes(1), "light.a", "on"),
            new(T0.AddMinutes(1), "light.a", "on"),
        ]);

        var removed = batch.RemoveRepeats();

        Assert.Equal(2, removed);
        Assert.Equal(
            [("light.a", "on", "hall"), ("light.b", "on", null), ("light.a", "off", null), ("light.a", "on", null)],
            batch.AsEnumerable().Select(e => (e.EntityId, e.State, e.Area)));
    }

    [Fact]
    public void A_range_is_from_inclusive_to_exclusive()
    {
        var batch = BatchOf(Enumerable.Range(0, 10).Select(i => new StateChange(T0.AddHours(i), "light.a", i % 2 == 0 ? "on" : "off")));

        Assert.Equal((2, 5), batch.RangeOf(T0.AddHours(2), T0.AddHours(5)));
        Assert.Equal([T0.AddHours(2), T0.AddHours(3), T0.AddHours(4)], batch.Slice(T0.AddHours(2), T0.AddHours(5)).Select(e => e.Time));
        Assert.Empty(batch.Slice(T0.AddHours(5), T0.AddHours(2)));
        Assert.Equal((10, 10), batch.RangeOf(T0.AddDays(1), T0.AddDays(2)));
    }

    [Fact]
    public void Days_split_at_local_midnight_across_the_spring_DST_change()
    {
        // Berlin: 2026-03-29 has 23 hours (02:00 CET → 03:00 CEST). Local midnights: 28th 23:00Z, 29th 22:00Z.
        var batch = BatchOf(
        [
            new(new DateTimeOffset(2026, 3, 28, 22, 59, 59, TimeSpan.Zero), "light.a", "on"),
            new(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), "light.a", "off"),
            new(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), "light.a", "on"),
            new(new DateTimeOffset(2026, 3, 29, 21, 59, 59, TimeSpan.Zero), "light.a", "off"),
            new(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), "light.a", "on"),
        ]);

        var days = LocalDays.Split(batch, Berlin, DateTimeOffset.MinValue.AddDays(2), DateTimeOffset.MaxValue.AddDays(-2)).ToList();

        Assert.Equal([new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30)], days.Select(d => d.Date));
        Assert.Equal([1, 3, 1], days.Select(d => d.Events.Count));
    }

    [Fact]
    public void Days_are_clipped_to_the_window_and_days_without_changes_are_skipped()
    {
        var batch = BatchOf(Enumerable.Range(0, 5 * 24).Select(h => new StateChange(T0.AddHours(h), "light.a", h % 2 == 0 ? "on" : "off")));
        var from = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.FromHours(2));
        var to = new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.FromHours(2));

        var days = LocalDays.Split(batch, Berlin, from, to).ToList();

        Assert.Equal([new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)], days.Select(d => d.Date));
        Assert.Equal([12, 24, 6], days.Select(d => d.Events.Count));
        Assert.All(days.SelectMany(d => d.Events), e => Assert.InRange(e.Time, from, to.AddTicks(-1)));
    }

    /// <summary>Any changes, added in any order: sorting gives the stable time order of the list, and the days partition the window.</summary>
    [Property(MaxTest = 200)]
    public Property Sorted_batch_equals_the_stably_sorted_list_and_its_days_partition_it()
    {
        var change = from minutes in Gen.Choose(0, 5 * 1440)
                     from entity in Gen.Elements("light.a", "light.b", "switch.c")
                     from state in Gen.Elements("on", "off", "unavailable")
                     from area in Gen.Elements<string?>(null, "hall", "kitchen")
                     from origin in Gen.Elements(Origin.Manual, Origin.Automation, Origin.System)
                     select new StateChange(new DateTimeOffset(2026, 10, 23, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes), entity, state, null, area, origin);
        return Prop.ForAll(Gen.ListOf(change).Select(list => list.ToList()).ToArbitrary(), (List<StateChange> changes) =>
        {
            var batch = BatchOf(changes);
            batch.Sort();
            var expected = changes.OrderBy(c => c.Time).ToList();
            var days = LocalDays.Split(batch, Berlin, DateTimeOffset.MinValue.AddDays(2), DateTimeOffset.MaxValue.AddDays(-2)).ToList();

            Assert.Equal(expected, batch.AsEnumerable());
            Assert.Equal(expected, days.SelectMany(d => d.Events));
            Assert.Equal(LocalDays.Split(expected, Berlin).Select(d => (d.Date, d.Events.Count)), days.Select(d => (d.Date, d.Events.Count)));
            Assert.All(days, d => Assert.All(d.Events, e => Assert.Equal(d.Date, LocalDays.DateOf(e.Time, Berlin))));
        });
    }
}
