using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Tests.Json;
using HaIngestor.Storage.EventStore;
using HaIngestor.Storage.Summaries;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class SqliteSummaryStoreTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Empty_store_has_no_latest_and_no_runs()
    {
        var store = new SqliteSummaryStore(_scratch.SqliteConnectionString());

        Assert.Null(await store.LoadLatestAsync());
        Assert.Empty(await store.ListRunsAsync(10));
    }

    [Fact]
    public async Task Saved_analysis_loads_back_as_latest_in_order()
    {
        var store = new SqliteSummaryStore(_scratch.SqliteConnectionString());
        var run = Samples.Run("run-1", Samples.Start);
        Pattern[] patterns = [Samples.TimeOfDay("p-b", DaySelection.All), Samples.TimeOfDay("p-a")];

        await store.SaveAnalysisAsync(run, patterns, [Samples.Suggestion("s-2"), Samples.Suggestion("s-1", Domain.Suggestions.SafetyLevel.Blocked)]);
        var latest = await store.LoadLatestAsync();

        Assert.NotNull(latest);
        Samples.AssertSame(run, latest.Run);
        Assert.Equal(["p-b", "p-a"], latest.Patterns.Select(p => p.Id));
        Samples.AssertSame(patterns[0], latest.Patterns[0]);
        Assert.Equal(["s-2", "s-1"], latest.Suggestions.Select(s => s.Id));
        Samples.AssertSame(Samples.Suggestion("s-1", Domain.Suggestions.SafetyLevel.Blocked), latest.Suggestions[1]);
    }

    [Fact]
    public async Task Latest_is_the_newest_run_that_did_not_fail()
    {
        var store = new SqliteSummaryStore(_scratch.SqliteConnectionString());
        await store.SaveAnalysisAsync(Samples.Run("run-1", Samples.Start), [Samples.TimeOfDay("p-1")], []);
        await store.SaveAnalysisAsync(Samples.Run("run-2", Samples.Start.AddDays(1), AnalysisRunStatus.Failed), [], []);

        Assert.Equal("run-1", (await store.LoadLatestAsync())!.Run.RunId);

        await store.SaveAnalysisAsync(Samples.Run("run-3", Samples.Start.AddDays(2), AnalysisRunStatus.Partial), [Samples.TimeOfDay("p-3")], []);
        var latest = await store.LoadLatestAsync();

        Assert.Equal("run-3", latest!.Run.RunId);
        Assert.Equal(AnalysisRunStatus.Partial, latest.Run.Status);
        Assert.Equal(["p-3"], latest.Patterns.Select(p => p.Id));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_up_to_the_limit()
    {
        var store = new SqliteSummaryStore(_scratch.SqliteConnectionString());
        foreach (var day in new[] { 2, 0, 3, 1 })
        {
            await store.SaveAnalysisAsync(Samples.Run($"run-{day}", Samples.Start.AddDays(day), day == 3 ? AnalysisRunStatus.Failed : AnalysisRunStatus.Completed), [], []);
        }

        var runs = await store.ListRunsAsync(3);

        Assert.Equal(["run-3", "run-2", "run-1"], runs.Select(r => r.RunId));
        Assert.Equal(AnalysisRunStatus.Failed, runs[0].Status);
        Assert.Empty(await store.ListRunsAsync(0));
    }

    [Fact]
    public async Task Saving_a_run_again_replaces_its_results()
    {
        var store = new SqliteSummaryStore(_scratch.SqliteConnectionString());
        await store.SaveAnalysisAsync(Samples.Run("run-1", Samples.Start), [Samples.TimeOfDay("old-1"), Samples.TimeOfDay("old-2")], [Samples.Suggestion()]);

        await store.SaveAnalysisAsync(Samples.Run("run-1", Samples.Start), [Samples.TimeOfDay("new-1")], []);
        var latest = await store.LoadLatestAsync();

        Assert.Equal(["new-1"], latest!.Patterns.Select(p => p.Id));
        Assert.Empty(latest.Suggestions);
        Assert.Single(await store.ListRunsAsync(10));
    }

    [Fact]
    public async Task Shares_one_file_with_the_event_store()
    {
        var connectionString = _scratch.SqliteConnectionString();
        var events = new SqliteEventStore(connectionString);
        var summaries = new SqliteSummaryStore(connectionString);

        await events.AppendAsync([new StateChange(Samples.Start, "light.kitchen", "on")]);
        await summaries.SaveAnalysisAsync(Samples.Run("run-1", Samples.Start), [Samples.TimeOfDay()], [Samples.Suggestion()]);

        Assert.Equal(1, await events.CountAsync());
        Assert.Equal("run-1", (await new SqliteSummaryStore(connectionString).LoadLatestAsync())!.Run.RunId);
    }
}
