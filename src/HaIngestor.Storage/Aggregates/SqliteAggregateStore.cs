using System.Globalization;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Storage.Aggregates;

/// <summary>
/// The embedded L2 store: table <c>daily_aggregates</c> (kind, ISO local date, payload, fingerprint, L1 write
/// sequence) in the same SQLite file as L1. One row per kind and date; saving a kind and date again replaces the
/// row. Rows of a file from before fingerprints get an empty one, which no run accepts as current. Safe for
/// concurrent use.
/// </summary>
public sealed class SqliteAggregateStore : IAggregateStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS daily_aggregates (
            kind    TEXT NOT NULL,
            date    TEXT NOT NULL,
            payload BLOB NOT NULL,
            fingerprint TEXT NOT NULL DEFAULT '',
            sequence INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, date)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_daily_aggregates_date ON daily_aggregates (date);
        """;

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <param name="connectionString">A file database, e.g. <c>Data Source=&lt;DataDirectory&gt;/haingestor.db</c>.</param>
    public SqliteAggregateStore(string connectionString) => _database = new SqliteDatabase(connectionString, Schema, UpgradeAsync);

    public async Task SaveAsync(IReadOnlyList<StoredAggregate> aggregates, CancellationToken cancellationToken = default)
    {
        if (aggregates.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT OR REPLACE INTO daily_aggregates (kind, date, payload, fingerprint, sequence)
                VALUES ($kind, $date, $payload, $fingerprint, $sequence)
                """;
            var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
            var date = upsert.Parameters.Add("$date", SqliteType.Text);
            var payload = upsert.Parameters.Add("$payload", SqliteType.Blob);
            var fingerprint = upsert.Parameters.Add("$fingerprint", SqliteType.Text);
            var sequence = upsert.Parameters.Add("$sequence", SqliteType.Integer);
            upsert.Prepare();
            foreach (var aggregate in aggregates)
            {
                kind.Value = aggregate.Kind;
                date.Value = Text(aggregate.Date);
                payload.Value = aggregate.Payload;
                fingerprint.Value = aggregate.Fingerprint;
                sequence.Value = aggregate.Sequence;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<int> MarkStaleAsync(IEnumerable<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        var distinct = dates.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return 0;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE daily_aggregates SET fingerprint = '' WHERE date = $date";
            var date = update.Parameters.Add("$date", SqliteType.Text);
            update.Prepare();
            var marked = 0;
            foreach (var day in distinct)
            {
                date.Value = Text(day);
                marked += await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return marked;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<StoredAggregate>> LoadAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT date, payload, fingerprint, sequence FROM daily_aggregates
            WHERE kind = $kind AND date >= $from AND date <= $to
            ORDER BY date
            """;
        select.Parameters.AddWithValue("$kind", kind);
        select.Parameters.AddWithValue("$from", Text(from));
        select.Parameters.AddWithValue("$to", Text(to));
        var rows = new List<StoredAggregate>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredAggregate(kind, Date(reader.GetString(0)), (byte[])reader.GetValue(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return rows;
    }

    public async Task<int> PruneAsync(DateOnly olderThan, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM daily_aggregates WHERE date < $before";
            delete.Parameters.AddWithValue("$before", Text(olderThan));
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Adds the fingerprint and sequence columns to a table made before them.</summary>
    private static async Task UpgradeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('daily_aggregates') WHERE name = 'fingerprint'";
        if ((long)(await columns.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return;
        }

        await using var alter = connection.CreateCommand();
        alter.CommandText = """
            ALTER TABLE daily_aggregates ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
            ALTER TABLE daily_aggregates ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
            """;
        await alter.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
