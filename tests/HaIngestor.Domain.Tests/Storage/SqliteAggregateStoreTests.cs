using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Storage.Aggregates;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class SqliteAggregateStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 1);
    private readonly ScratchDirectory _scratch = new();

    [Fact]
    public async Task Loads_one_kind_in_a_date_range_in_date_order()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        await store.SaveAsync([Row("timeline", 3, 3), Row("timeline", 1, 1), Row("time_of_day", 2, 9), Row("timeline", 2, 2), Row("timeline", 5, 5)]);

        var rows = await store.LoadAsync("timeline", Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([Day.AddDays(1), Day.AddDays(2), Day.AddDays(3)], rows.Select(r => r.Date));
        Assert.Equal([1, 2, 3], rows.Select(r => (int)r.Payload[0]));
        Assert.All(rows, r => Assert.Equal("timeline", r.Kind));
    }

    [Fact]
    public async Task Saving_a_kind_and_date_again_replaces_it()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        await store.SaveAsync([Row("timeline", 1, 1)]);
        await store.SaveAsync([Row("timeline", 1, 7)]);

        var row = Assert.Single(await store.LoadAsync("timeline", Day, Day.AddDays(5)));
        Assert.Equal(7, row.Payload[0]);
    }

    [Fact]
    public async Task Prune_deletes_the_days_before_the_cut_of_every_kind_and_last_date_follows()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        Assert.Null(await store.LastAggregatedDateAsync("timeline"));
        await store.SaveAsync([Row("timeline", 0, 0), Row("timeline", 1, 1), Row("time_of_day", 0, 0), Row("time_of_day", 4, 4)]);

        var pruned = await store.PruneAsync(Day.AddDays(1));

        Assert.Equal(2, pruned);
        Assert.Equal(Day.AddDays(1), (await store.LoadAsync("timeline", Day, Day.AddDays(9))).Single().Date);
        Assert.Equal(Day.AddDays(1), await store.LastAggregatedDateAsync("timeline"));
        Assert.Equal(Day.AddDays(4), await store.LastAggregatedDateAsync("time_of_day"));
    }

    [Fact]
    public async Task Real_aggregates_survive_the_store()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        var events = new List<Domain.Events.StateChange>
        {
            new(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), "light.a", "on", "off", "kitchen"),
            new(new DateTimeOffset(2026, 3, 1, 7, 5, 0, TimeSpan.Zero), "sensor.t", "21.5"),
            new(new DateTimeOffset(2026, 3, 1, 7, 9, 0, TimeSpan.Zero), "light.a", "off", "on", Origin: Domain.Events.Origin.Automation),
        };
        var day = TimelineDay.From(new LocalDay(Day, events));
        await store.SaveAsync([StoredAggregate.Of(day)]);

        var row = Assert.Single(await store.LoadAsync(TimelineDay.KindName, Day, Day));
        Assert.True(DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var decoded, out var error), error);
        var back = (TimelineDay)decoded;
        Assert.Equal(["light.a", "sensor.t"], back.Entities);
        Assert.Equal(["kitchen", null], back.Areas);
        Assert.Equal(day.Ticks, back.Ticks);
        Assert.Equal(3, back.EventCount);
    }

    public void Dispose() => _scratch.Dispose();

    private static StoredAggregate Row(string kind, int day, byte marker) => new(kind, Day.AddDays(day), [marker, 42]);
}
