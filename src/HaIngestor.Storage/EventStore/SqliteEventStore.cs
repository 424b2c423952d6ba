using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Storage.EventStore;

/// <summary>
/// The embedded L1 store: table <c>state_changes</c> in one SQLite file. Times are kept in whole
/// milliseconds; insertion order (rowid) breaks ties between equal times. Safe for concurrent use: every
/// call has its own connection, and appends of this instance take turns instead of spinning on SQLite's lock.
/// Each append also bumps the write sequence (<c>l1_write_log</c>) and stamps it on the UTC hours its events fall
/// in (<c>l1_written_hours</c>), in the same transaction: one update and an upsert per distinct hour, so the L2
/// side can tell which days got events after their aggregates were made (<see cref="L1WriteLog"/>).
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS state_changes (
            time_ms   INTEGER NOT NULL,
            entity_id TEXT    NOT NULL,
            state     TEXT    NOT NULL,
            old_state TEXT,
            area      TEXT,
            origin    INTEGER NOT NULL,
            user_id   TEXT,
            parent_id TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_state_changes_time ON state_changes (time_ms);
        CREATE TABLE IF NOT EXISTS l1_write_log (
            id               INTEGER PRIMARY KEY CHECK (id = 0),
            sequence         INTEGER NOT NULL,
            pruned_before_ms INTEGER
        );
        INSERT OR IGNORE INTO l1_write_log (id, sequence, pruned_before_ms) VALUES (0, 0, NULL);
        CREATE TABLE IF NOT EXISTS l1_written_hours (
            hour     INTEGER PRIMARY KEY,
            sequence INTEGER NOT NULL
        );
        """;

    private const long MillisecondsPerHour = 3_600_000;

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <param name="connectionString">A file database, e.g. <c>Data Source=&lt;DataDirectory&gt;/haingestor.db</c>.</param>
    public SqliteEventStore(string connectionString) => _database = new SqliteDatabase(connectionString, Schema);

    public async Task AppendAsync(IReadOnlyList<StateChange> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO state_changes (time_ms, entity_id, state, old_state, area, origin, user_id, parent_id)
                VALUES ($time, $entity, $state, $old, $area, $origin, $user, $parent)
                """;
            var time = insert.Parameters.Add("$time", SqliteType.Integer);
            var entity = insert.Parameters.Add("$entity", SqliteType.Text);
            var state = insert.Parameters.Add("$state", SqliteType.Text);
            var old = insert.Parameters.Add("$old", SqliteType.Text);
            var area = insert.Parameters.Add("$area", SqliteType.Text);
            var origin = insert.Parameters.Add("$origin", SqliteType.Integer);
            var user = insert.Parameters.Add("$user", SqliteType.Text);
            var parent = insert.Parameters.Add("$parent", SqliteType.Text);
            insert.Prepare();

            var hours = new HashSet<long>();
            foreach (var change in batch)
            {
                var ms = change.Time.ToUnixTimeMilliseconds();
                hours.Add(ms >= 0 ? ms / MillisecondsPerHour : ((ms + 1) / MillisecondsPerHour) - 1);
                time.Value = ms;
                entity.Value = change.EntityId;
                state.Value = change.State;
                old.Value = (object?)change.OldState ?? DBNull.Value;
                area.Value = (object?)change.Area ?? DBNull.Value;
                origin.Value = OriginCode(change.Origin);
                user.Value = (object?)change.UserId ?? DBNull.Value;
                parent.Value = (object?)change.ParentId ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await StampHoursAsync(connection, hours, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<L1WriteLog> WriteLogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        // One read transaction: the sequence and the hours come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var head = connection.CreateCommand();
        head.CommandText = "SELECT sequence, pruned_before_ms FROM l1_write_log WHERE id = 0";
        long sequence;
        DateTimeOffset prunedBefore;
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            sequence = reader.GetInt64(0);
            prunedBefore = reader.IsDBNull(1) ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }

        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT hour, sequence FROM l1_written_hours ORDER BY hour";
        var hours = new List<WrittenHour>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hours.Add(new WrittenHour(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * MillisecondsPerHour), reader.GetInt64(1)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new L1WriteLog(sequence, prunedBefore, hours);
    }

    public async Task<IReadOnlyList<StateChange>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT time_ms, entity_id, state, old_state, area, origin, user_id, parent_id
            FROM state_changes
            WHERE time_ms >= $from AND time_ms < $to
            ORDER BY time_ms, rowid
            """;
        select.Parameters.AddWithValue("$from", CeilingMilliseconds(from));
        select.Parameters.AddWithValue("$to", CeilingMilliseconds(to));

        var changes = new List<StateChange>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new StateChange(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                OriginFromCode(reader.GetInt32(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return changes;
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var delete = connection.CreateCommand();
            delete.CommandText = """
                DELETE FROM state_changes WHERE time_ms < $before;
                SELECT changes();
                """;
            var before = CeilingMilliseconds(olderThan);
            delete.Parameters.AddWithValue("$before", before);
            var deleted = (int)(long)(await delete.ExecuteScalarAsync(cancellationToken))!;
            await using var log = connection.CreateCommand();
            log.CommandText = """
                DELETE FROM l1_written_hours WHERE (hour + 1) * $hour <= $before;
                UPDATE l1_write_log SET pruned_before_ms = MAX(COALESCE(pruned_before_ms, $before), $before) WHERE id = 0;
                """;
            log.Parameters.AddWithValue("$hour", MillisecondsPerHour);
            log.Parameters.AddWithValue("$before", before);
            await log.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM state_changes";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Bumps the write sequence and stamps it on each hour of the batch, inside the batch's transaction.</summary>
    private static async Task StampHoursAsync(SqliteConnection connection, HashSet<long> hours, CancellationToken cancellationToken)
    {
        await using var bump = connection.CreateCommand();
        bump.CommandText = "UPDATE l1_write_log SET sequence = sequence + 1 WHERE id = 0 RETURNING sequence";
        var sequence = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        await using var stamp = connection.CreateCommand();
        stamp.CommandText = """
            INSERT INTO l1_written_hours (hour, sequence) VALUES ($hour, $sequence)
            ON CONFLICT (hour) DO UPDATE SET sequence = excluded.sequence
            """;
        var hour = stamp.Parameters.Add("$hour", SqliteType.Integer);
        stamp.Parameters.AddWithValue("$sequence", sequence);
        stamp.Prepare();
        foreach (var h in hours)
        {
            hour.Value = h;
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Stored times are whole milliseconds, so a bound between two milliseconds is the next one up.</summary>
    private static long CeilingMilliseconds(DateTimeOffset instant) =>
        instant.ToUnixTimeMilliseconds() + (instant.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    /// <summary>Fixed codes, so that reordering the enum never changes what stored rows mean.</summary>
    private static int OriginCode(Origin origin) => origin switch
    {
        Origin.Manual => 0,
        Origin.Automation => 1,
        Origin.System => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown origin"),
    };

    private static Origin OriginFromCode(int code) => code switch
    {
        0 => Origin.Manual,
        1 => Origin.Automation,
        2 => Origin.System,
        _ => throw new InvalidDataException($"state_changes holds unknown origin code {code}"),
    };
}
