using Microsoft.Data.Sqlite;

namespace HaIngestor.Storage.Sqlite;

/// <summary>
/// One SQLite file shared by the stores: a connection per call (pooled by Microsoft.Data.Sqlite), the
/// file in WAL mode so that readers never wait for the writer, and the caller's schema created on first use.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly Func<SqliteConnection, CancellationToken, Task>? _upgrade;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    /// <param name="connectionString">E.g. <c>Data Source=data/haingestor.db</c>; the file's directory is created when missing.</param>
    /// <param name="schema">Idempotent DDL (<c>CREATE ... IF NOT EXISTS</c>) run once before the first command.</param>
    /// <param name="upgrade">Brings a file made by an older version up to <paramref name="schema"/> (DDL cannot add a column only when it is missing).</param>
    public SqliteDatabase(string connectionString, string schema, Func<SqliteConnection, CancellationToken, Task>? upgrade = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("the store needs a file: a connection per call would see a new empty in-memory database each time", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        _schema = schema;
        _upgrade = upgrade;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_schemaReady)
            {
                await CreateSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;\n" + _schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (_upgrade is not null)
            {
                await _upgrade(connection, cancellationToken);
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
