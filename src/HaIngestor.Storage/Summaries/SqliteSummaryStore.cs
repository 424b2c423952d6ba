using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Storage.Summaries;

/// <summary>
/// The embedded L4 store: tables <c>analysis_runs</c>, <c>patterns</c> and <c>suggestions</c> keyed by run id,
/// each row holding the codec JSON plus the columns worth querying. The latest analysis is the most recently
/// started run that did not fail; a failed run is listed but never replaces the results people see.
/// </summary>
public sealed class SqliteSummaryStore : ISummaryStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS analysis_runs (
            run_id      TEXT    PRIMARY KEY,
            kind        TEXT    NOT NULL,
            status      TEXT    NOT NULL,
            started_ms  INTEGER NOT NULL,
            finished_ms INTEGER NOT NULL,
            report      TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_analysis_runs_started ON analysis_runs (started_ms);
        CREATE TABLE IF NOT EXISTS patterns (
            run_id     TEXT    NOT NULL,
            position   INTEGER NOT NULL,
            pattern_id TEXT    NOT NULL,
            type       TEXT    NOT NULL,
            body       TEXT    NOT NULL,
            PRIMARY KEY (run_id, position)
        );
        CREATE TABLE IF NOT EXISTS suggestions (
            run_id        TEXT    NOT NULL,
            position      INTEGER NOT NULL,
            suggestion_id TEXT    NOT NULL,
            score         REAL    NOT NULL,
            safety        TEXT    NOT NULL,
            body          TEXT    NOT NULL,
            PRIMARY KEY (run_id, position)
        );
        """;

    private const string Newest = "ORDER BY started_ms DESC, rowid DESC";

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <param name="connectionString">A file database, e.g. <c>Data Source=&lt;DataDirectory&gt;/haingestor.db</c>.</param>
    public SqliteSummaryStore(string connectionString) => _database = new SqliteDatabase(connectionString, Schema);

    /// <summary>Stores the run and its results; saving a run id again replaces what was stored under it.</summary>
    public async Task SaveAnalysisAsync(AnalysisRunReport run, IReadOnlyList<Pattern> patterns, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();

            await ExecuteAsync(connection, "DELETE FROM patterns WHERE run_id = $run", cancellationToken, ("$run", run.RunId));
            await ExecuteAsync(connection, "DELETE FROM suggestions WHERE run_id = $run", cancellationToken, ("$run", run.RunId));
            await ExecuteAsync(
                connection,
                """
                INSERT OR REPLACE INTO analysis_runs (run_id, kind, status, started_ms, finished_ms, report)
                VALUES ($run, $kind, $status, $started, $finished, $report)
                """,
                cancellationToken,
                ("$run", run.RunId),
                ("$kind", run.Kind),
                ("$status", AnalysisRunReportJson.StatusName(run.Status)),
                ("$started", run.StartedAt.ToUnixTimeMilliseconds()),
                ("$finished", run.FinishedAt.ToUnixTimeMilliseconds()),
                ("$report", JsonText.Write(AnalysisRunReportJson.Write, run)));

            for (var i = 0; i < patterns.Count; i++)
            {
                await ExecuteAsync(
                    connection,
                    "INSERT INTO patterns (run_id, position, pattern_id, type, body) VALUES ($run, $position, $id, $type, $body)",
                    cancellationToken,
                    ("$run", run.RunId),
                    ("$position", i),
                    ("$id", patterns[i].Id),
                    ("$type", patterns[i].Type),
                    ("$body", JsonText.Write(PatternJson.Write, patterns[i])));
            }

            for (var i = 0; i < suggestions.Count; i++)
            {
                await ExecuteAsync(
                    connection,
                    "INSERT INTO suggestions (run_id, position, suggestion_id, score, safety, body) VALUES ($run, $position, $id, $score, $safety, $body)",
                    cancellationToken,
                    ("$run", run.RunId),
                    ("$position", i),
                    ("$id", suggestions[i].Id),
                    ("$score", suggestions[i].Score),
                    ("$safety", SuggestionJson.LevelName(suggestions[i].Safety.Level)),
                    ("$body", JsonText.Write(SuggestionJson.Write, suggestions[i])));
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<LatestAnalysis?> LoadLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var snapshot = connection.BeginTransaction(deferred: true);

        var runs = await QueryJsonAsync(connection, $"SELECT report FROM analysis_runs WHERE status <> 'failed' {Newest} LIMIT 1", cancellationToken);
        if (runs.Count == 0)
        {
            return null;
        }

        var run = JsonText.Read(AnalysisRunReportJson.Read, runs[0]);
        var patterns = await QueryJsonAsync(connection, "SELECT body FROM patterns WHERE run_id = $run ORDER BY position", cancellationToken, ("$run", run.RunId));
        var suggestions = await QueryJsonAsync(connection, "SELECT body FROM suggestions WHERE run_id = $run ORDER BY position", cancellationToken, ("$run", run.RunId));
        return new LatestAnalysis(
            run,
            patterns.Select(json => JsonText.Read(PatternJson.Read, json)).ToList(),
            suggestions.Select(json => JsonText.Read(SuggestionJson.Read, json)).ToList());
    }

    public async Task<IReadOnlyList<AnalysisRunReport>> ListRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var reports = await QueryJsonAsync(connection, $"SELECT report FROM analysis_runs {Newest} LIMIT $limit", cancellationToken, ("$limit", limit));
        return reports.Select(json => JsonText.Read(AnalysisRunReportJson.Read, json)).ToList();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> QueryJsonAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
