using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;
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
    public async Task Prune_deletes_the_days_before_the_cut_of_every_kind()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        await store.SaveAsync([Row("timeline", 0, 0), Row("timeline", 1, 1), Row("time_of_day", 0, 0), Row("time_of_day", 4, 4)]);

        var pruned = await store.PruneAsync(Day.AddDays(1));

        Assert.Equal(2, pruned);
        Assert.Equal(Day.AddDays(1), (await store.LoadAsync("timeline", Day, Day.AddDays(9))).Single().Date);
        Assert.Equal([Day.AddDays(4)], (await store.LoadAsync("time_of_day", Day, Day.AddDays(9))).Select(r => r.Date));
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
        var day = (TimelineDay)((IAggregatingDetector)new DurationDetector()).Aggregate(new LocalDay(Day, events), HomeProfile.ForTimeZone("UTC"));
        await store.SaveAsync([StoredAggregate.Of(day, "abc", 17)]);

        var row = Assert.Single(await store.LoadAsync(TimelineDay.KindName, Day, Day));
        Assert.True(DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var decoded, out var error), error);
        var back = (TimelineDay)decoded;
        Assert.Equal(("abc", 17L), (row.Fingerprint, row.Sequence));
        Assert.Equal(["light.a", "sensor.t"], back.Entities);
        Assert.Equal(["kitchen", null], back.Areas);
        Assert.Equal(day.Ticks, back.Ticks);
        Assert.Equal(3, back.EventCount);
    }

    [Fact]
    public async Task Marking_days_stale_blanks_the_fingerprint_of_every_kind_of_those_days_only()
    {
        var store = new SqliteAggregateStore(_scratch.SqliteConnectionString());
        await store.SaveAsync([Row("timeline", 1, 1), Row("time_of_day", 1, 1), Row("timeline", 2, 2)]);

        var marked = await store.MarkStaleAsync([Day.AddDays(1), Day.AddDays(1), Day.AddDays(7)]);

        Assert.Equal(2, marked);
        Assert.Equal(["", "fp"], (await store.LoadAsync("timeline", Day, Day.AddDays(9))).Select(r => r.Fingerprint));
        Assert.Equal([""], (await store.LoadAsync("time_of_day", Day, Day.AddDays(9))).Select(r => r.Fingerprint));
    }

    [Fact]
    public async Task A_table_from_before_fingerprints_is_upgraded_and_its_rows_have_none()
    {
        var connectionString = _scratch.SqliteConnectionString();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE daily_aggregates (kind TEXT NOT NULL, date TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (kind, date)) WITHOUT ROWID;
                INSERT INTO daily_aggregates VALUES ('timeline', '2026-03-01', x'0102');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var store = new SqliteAggregateStore(connectionString);
        var old = Assert.Single(await store.LoadAsync("timeline", Day, Day));
        await store.SaveAsync([Row("timeline", 1, 5)]);

        Assert.Equal(("", 0L), (old.Fingerprint, old.Sequence));
        Assert.Equal([1, 2], old.Payload);
        Assert.Equal("fp", (await store.LoadAsync("timeline", Day.AddDays(1), Day.AddDays(1))).Single().Fingerprint);
    }

    public void Dispose() => _scratch.Dispose();

    private static StoredAggregate Row(string kind, int day, byte marker) => new(kind, Day.AddDays(day), [marker, 42], "fp", 3);
}
