using HaIngestor.Domain.Events;
using HaIngestor.Storage.EventStore;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class SqliteEventStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 13, 0, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static StateChange Change(int minute, string entity = "light.kitchen", string state = "on") =>
        new(T0.AddMinutes(minute), entity, state);

    [Fact]
    public async Task Appended_batches_read_back_sorted_with_every_field()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        var full = new StateChange(T0.AddMinutes(3).AddMilliseconds(250), "light.hall", "off", "on", "hall", Origin.Automation, "user-1", "parent-1");

        await store.AppendAsync([Change(5), full]);
        await store.AppendAsync([Change(1, "switch.fan", "unavailable") with { Origin = Origin.System }]);

        var read = await store.ReadAsync(T0, T0.AddDays(1));

        Assert.Equal([T0.AddMinutes(1), full.Time, T0.AddMinutes(5)], read.Select(c => c.Time));
        Assert.Equal(full, read[1]);
        Assert.Equal(Origin.System, read[0].Origin);
        Assert.Null(read[2].Area);
        Assert.Equal(3, await store.CountAsync());
    }

    [Fact]
    public async Task Window_is_from_inclusive_to_exclusive_and_equal_times_keep_insertion_order()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        await store.AppendAsync([Change(10, "light.b"), Change(10, "light.a"), Change(20), Change(30)]);
        await store.AppendAsync([Change(10, "light.c")]);

        var read = await store.ReadAsync(T0.AddMinutes(10), T0.AddMinutes(30));

        Assert.Equal(["light.b", "light.a", "light.c", "light.kitchen"], read.Select(c => c.EntityId));
    }

    [Fact]
    public async Task Prune_deletes_older_changes_and_reports_how_many()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        await store.AppendAsync(Enumerable.Range(0, 10).Select(i => Change(i)).ToList());

        var deleted = await store.PruneAsync(T0.AddMinutes(4));

        Assert.Equal(4, deleted);
        Assert.Equal(6, await store.CountAsync());
        Assert.Equal(T0.AddMinutes(4), (await store.ReadAsync(DateTimeOffset.MinValue.AddYears(1970), T0.AddDays(1)))[0].Time);
    }

    [Fact]
    public async Task Each_append_stamps_a_new_sequence_on_the_hours_it_wrote()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        var empty = await store.WriteLogAsync();

        await store.AppendAsync([Change(10), Change(20), Change(130)]);
        await store.AppendAsync([Change(15)]);
        var log = await store.WriteLogAsync();

        Assert.Equal((0L, DateTimeOffset.MinValue), (empty.Sequence, empty.PrunedBefore));
        Assert.Empty(empty.Hours);
        Assert.Equal(2, log.Sequence);
        Assert.Equal([new WrittenHour(T0, 2), new WrittenHour(T0.AddHours(2), 1)], log.Hours);
    }

    [Fact]
    public async Task Prune_forgets_the_hours_before_the_cut_and_remembers_where_it_cut()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        await store.AppendAsync([Change(10), Change(70), Change(190)]);

        await store.PruneAsync(T0.AddMinutes(90));
        await store.PruneAsync(T0.AddMinutes(30));
        var log = await store.WriteLogAsync();

        Assert.Equal(T0.AddMinutes(90), log.PrunedBefore);
        Assert.Equal([T0.AddHours(1), T0.AddHours(3)], log.Hours.Select(h => h.Start));
        Assert.Equal(1, log.Sequence);
    }

    [Fact]
    public async Task A_batch_that_fails_stores_nothing()
    {
        var store = new SqliteEventStore(_scratch.SqliteConnectionString());
        await store.AppendAsync([Change(0)]);

        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync([Change(1), Change(2, entity: null!)]));

        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(1, (await store.WriteLogAsync()).Sequence);
    }

    [Fact]
    public async Task Data_survives_a_new_store_instance_on_the_same_file()
    {
        var connectionString = _scratch.SqliteConnectionString("nested/dir/l1.db");
        await new SqliteEventStore(connectionString).AppendAsync([Change(1), Change(2)]);

        Assert.Equal(2, await new SqliteEventStore(connectionString).CountAsync());
    }

    [Fact]
    public async Task File_is_in_wal_mode()
    {
        var connectionString = _scratch.SqliteConnectionString();
        await new SqliteEventStore(connectionString).CountAsync();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Concurrent_appends_from_two_instances_lose_nothing()
    {
        var connectionString = _scratch.SqliteConnectionString();
        var stores = new[] { new SqliteEventStore(connectionString), new SqliteEventStore(connectionString) };
        const int writers = 8, batches = 25, perBatch = 20;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(0, perBatch).Select(i => new StateChange(T0.AddSeconds((b * perBatch) + i), $"light.writer_{w}", $"{b}:{i}")).ToList();
                await stores[w % 2].AppendAsync(batch);
                await stores[(w + 1) % 2].ReadAsync(T0, T0.AddMinutes(1));
            }
        })));

        var all = await stores[0].ReadAsync(T0, T0.AddDays(1));
        Assert.Equal(writers * batches * perBatch, await stores[1].CountAsync());
        Assert.Equal(writers * batches * perBatch, all.Select(c => (c.EntityId, c.State)).Distinct().Count());
        Assert.Equal(all.OrderBy(c => c.Time).Select(c => c.Time), all.Select(c => c.Time));
    }

    [Fact]
    public void In_memory_database_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SqliteEventStore("Data Source=:memory:"));
    }
}
