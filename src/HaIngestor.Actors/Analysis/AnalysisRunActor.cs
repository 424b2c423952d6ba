using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Scheduling;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// One analysis run through its six phases, each timed: capability refresh, fetch events, pattern detection,
/// feature analysis, suggestions, publish. Only a failed fetch fails the run; any other failure is recorded
/// and makes it partial. Ends by sending <see cref="AnalysisRunCompleted"/> to <c>replyTo</c>, which stops it.
/// With an L2 store the fetch phase is incremental: new complete days are aggregated and stored, the window's
/// whole days come from L2 and only the rest is read raw (<see cref="AggregatedWindowLoader"/>).
/// With a source of Home Assistant automations, their read starts with the run and phase 4 waits for it (at most
/// <see cref="AnalysisSettings.HomeAssistantTimeout"/>); suggestions an enabled HA automation already covers are dropped
/// (<see cref="AlreadyAutomated"/>). HA being unconfigured, down or slow never fails the run: the report says the
/// automations were not checked and why.
/// </summary>
public sealed class AnalysisRunActor : ReceiveActor, IWithTimers
{
    public const string CapabilitiesPhase = "capabilities";
    public const string FetchPhase = "fetch";
    public const string DetectPhase = "detect";
    public const string FeaturesPhase = "features";
    public const string SuggestionsPhase = "suggestions";
    public const string PublishPhase = "publish";

    private const int MaxLoggedProblems = 20;

    private static readonly TimeSpan GroupGrace = TimeSpan.FromSeconds(5);

    private readonly AnalysisRunRequest request;
    private readonly AnalysisSettings settings;
    private readonly HomeProfile home;
    private readonly IEventStore store;
    private readonly IActorRef devices;
    private readonly IActorRef suggestions;
    private readonly IReadOnlyList<IPatternDetector> detectors;
    private readonly TimeProvider time;
    private readonly IActorRef replyTo;
    private readonly AggregateStorage? aggregates;
    private readonly IHaAutomationSource? automationSource;
    private readonly CancellationTokenSource automationRead = new();
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<KeyValuePair<string, long>> phases = [];
    private readonly List<KeyValuePair<string, string>> failures = [];
    private IReadOnlyList<FeatureOpportunity>? opportunitiesFound;
    private HaAutomationFetch? automationsFetched;
    private string? automationsNotChecked;
    private HomeAssistantCheck? homeAssistantCheck;
    private DateTimeOffset startedAt;
    private long phaseStartedAt;
    private CapabilitySnapshot? capabilities;
    private int eventCount;
    private IReadOnlyList<Pattern> detected = [];
    private double? utilisation;
    private AggregateDayCounts? aggregateDays;

    public AnalysisRunActor(
        AnalysisRunRequest request,
        AnalysisSettings settings,
        HomeProfile home,
        IEventStore store,
        IActorRef devices,
        IActorRef suggestions,
        IReadOnlyList<IPatternDetector> detectors,
        TimeProvider time,
        IActorRef replyTo,
        AggregateStorage? aggregates,
        IHaAutomationSource? automationSource = null)
    {
        this.request = request;
        this.settings = settings;
        this.home = home;
        this.store = store;
        this.devices = devices;
        this.suggestions = suggestions;
        this.detectors = detectors;
        this.time = time;
        this.replyTo = replyTo;
        this.aggregates = aggregates;
        this.automationSource = automationSource;
        automationsNotChecked = automationSource is null
            ? "Home Assistant is not configured (HomeAssistant:Url and HomeAssistant:Token, or HomeAssistant:AutomationsFile)"
            : null;

        Receive<CapabilitySnapshot>(OnCapabilities);
        Receive<CapabilitiesFailed>(OnCapabilitiesFailed);
        Receive<EventsLoaded>(OnEvents);
        Receive<AggregatedWindow>(OnAggregatedWindow);
        Receive<EventsFailed>(OnEventsFailed);
        Receive<GroupDetectionResult>(OnDetected);
        Receive<GroupTimedOut>(_ => OnGroupTimedOut());
        Receive<DeviceUsageView>(OnUsage);
        Receive<UsageFailed>(OnUsageFailed);
        Receive<HaAutomationFetch>(OnAutomations);
        Receive<AutomationsUnavailable>(OnAutomationsUnavailable);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(
        AnalysisRunRequest request,
        AnalysisSettings settings,
        HomeProfile home,
        IEventStore store,
        IActorRef devices,
        IActorRef suggestions,
        IReadOnlyList<IPatternDetector> detectors,
        TimeProvider time,
        IActorRef replyTo) =>
        Props(request, settings, home, store, devices, suggestions, detectors, time, replyTo, null);

    /// <param name="aggregates">
    /// When given and every detector of the run's group works from daily aggregates, the run brings L2 up to
    /// date and reads the window's whole days from it (see <see cref="AggregatedWindowLoader"/>); otherwise it
    /// reads the whole window raw from L1.
    /// </param>
    /// <param name="automationSource">Where Home Assistant's own automations are read; null when HA is not configured.</param>
    public static Props Props(
        AnalysisRunRequest request,
        AnalysisSettings settings,
        HomeProfile home,
        IEventStore store,
        IActorRef devices,
        IActorRef suggestions,
        IReadOnlyList<IPatternDetector> detectors,
        TimeProvider time,
        IActorRef replyTo,
        AggregateStorage? aggregates,
        IHaAutomationSource? automationSource = null) =>
        Akka.Actor.Props.Create(() => new AnalysisRunActor(request, settings, home, store, devices, suggestions, detectors, time, replyTo, aggregates, automationSource));

    private DetectorGroup Group => RunKinds.GroupOf(request.Kind);

    protected override void PreStart()
    {
        startedAt = time.GetUtcNow();
        phaseStartedAt = time.GetTimestamp();
        log.Info("Analysis run {RunId} ({Kind}, {Trigger}) started for [{From}, {To})", request.RunId, request.Kind, request.Trigger, request.WindowStart, request.WindowEnd);
        devices.Ask<CapabilitySnapshot>(GetCapabilities.Instance, settings.CapabilityTimeout).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? t.Result
                : (object)new CapabilitiesFailed(t.Exception?.GetBaseException().Message ?? $"no answer within {settings.CapabilityTimeout}"),
            TaskScheduler.Default).PipeTo(Self);
        ReadAutomations();
    }

    protected override void PostStop()
    {
        automationRead.Cancel();
        automationRead.Dispose();
    }

    /// <summary>Runs alongside phases 1 to 3, so a slow HA costs the run little.</summary>
    private void ReadAutomations()
    {
        if (automationSource is null)
        {
            return;
        }

        automationRead.CancelAfter(settings.HomeAssistantTimeout);
        var timeout = settings.HomeAssistantTimeout;
        Task.Run(() => automationSource.ReadAsync(automationRead.Token), automationRead.Token).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? t.Result
                : (object)new AutomationsUnavailable(t.IsCanceled
                    ? $"Home Assistant's automations were not read within {timeout.TotalSeconds:0.#} s"
                    : $"reading Home Assistant's automations failed: {t.Exception?.GetBaseException().Message}"),
            TaskScheduler.Default).PipeTo(Self);

        // In case a source does not honour the cancellation, the run still goes on.
        Timers.StartSingleTimer(
            "automations",
            new AutomationsUnavailable($"Home Assistant's automations were not read within {timeout.TotalSeconds:0.#} s"),
            timeout + GroupGrace);
    }

    private void OnAutomations(HaAutomationFetch fetched)
    {
        Timers.Cancel("automations");
        if (fetched.Unavailable is { } reason)
        {
            OnAutomationsUnavailable(new AutomationsUnavailable(reason));
            return;
        }

        automationsFetched = fetched;
        EndFeaturesWhenReady();
    }

    private void OnAutomationsUnavailable(AutomationsUnavailable unavailable)
    {
        Timers.Cancel("automations");
        log.Warning("Run {RunId}: Home Assistant automations not checked: {Reason}", request.RunId, unavailable.Reason);
        automationsNotChecked = unavailable.Reason;
        EndFeaturesWhenReady();
    }

    private void OnCapabilities(CapabilitySnapshot snapshot)
    {
        capabilities = snapshot;
        EndPhase(CapabilitiesPhase);
        FetchEvents();
    }

    private void OnCapabilitiesFailed(CapabilitiesFailed failure)
    {
        log.Warning("Run {RunId}: capability refresh failed: {Error}", request.RunId, failure.Error);
        failures.Add(KeyValuePair.Create(CapabilitiesPhase, failure.Error));
        EndPhase(CapabilitiesPhase);
        FetchEvents();
    }

    private void FetchEvents()
    {
        var ofGroup = detectors.Where(d => d.Group == Group).ToList();
        if (aggregates is not null && ofGroup.Count > 0 && ofGroup.All(d => d is IAggregatingDetector))
        {
            AggregatedWindowLoader.LoadAsync(
                    store, aggregates, ofGroup.Cast<IAggregatingDetector>().ToList(), home, request.WindowStart, request.WindowEnd, time.GetUtcNow())
                .ContinueWith(
                    t => t.IsCompletedSuccessfully
                        ? t.Result
                        : (object)new EventsFailed(t.Exception?.GetBaseException().Message ?? "read cancelled"),
                    TaskScheduler.Default)
                .PipeTo(Self);
            return;
        }

        store.ReadAsync(request.WindowStart, request.WindowEnd).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new EventsLoaded(t.Result)
                : (object)new EventsFailed(t.Exception?.GetBaseException().Message ?? "read cancelled"),
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnEventsFailed(EventsFailed failure)
    {
        log.Error("Run {RunId}: reading events failed: {Error}", request.RunId, failure.Error);
        failures.Add(KeyValuePair.Create(FetchPhase, failure.Error));
        EndPhase(FetchPhase);
        Finish(AnalysisRunStatus.Failed, [], []);
    }

    private void OnAggregatedWindow(AggregatedWindow window)
    {
        foreach (var problem in window.Problems)
        {
            log.Warning("Run {RunId}: stored aggregate unreadable, treated as stale: {Problem}", request.RunId, problem);
        }

        var days = window.Days;
        if (days.Unavailable.Count > 0)
        {
            log.Warning(
                "Run {RunId}: {Count} days left out of the window: their aggregates are stale and L1 no longer holds their events ({Days})",
                request.RunId, days.Unavailable.Count, string.Join(", ", days.Unavailable.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        log.Info(
            "Run {RunId}: {Aggregated} new days aggregated into L2, {Rebuilt} stale days rebuilt, {FromL2} days from aggregates, {Raw} raw events read, {Pruned} old aggregates pruned",
            request.RunId, days.Aggregated, days.Rebuilt, days.FromStore, window.Context.Events.Count, window.Pruned);
        aggregateDays = days;
        eventCount = (int)Math.Min(int.MaxValue, window.EventCount);
        EndPhase(FetchPhase);
        Detect(window.Context);
    }

    private void OnEvents(EventsLoaded loaded)
    {
        eventCount = loaded.Events.Count;
        EndPhase(FetchPhase);
        Detect(new DetectionContext(loaded.Events, home, request.WindowStart, request.WindowEnd));
    }

    private void Detect(DetectionContext context)
    {
        var ofGroup = detectors.Where(d => d.Group == Group).ToList();
        if (ofGroup.Count == 0)
        {
            log.Info("Run {RunId}: group {Group} has no detectors", request.RunId, Group);
            EndPhase(DetectPhase);
            Continue([]);
            return;
        }

        var groupActor = Context.ActorOf(DetectorGroupActor.Props(Group, ofGroup), DetectorGroupActor.ActorName(Group));
        groupActor.Tell(new RunDetectors(1, context, settings.DetectorTimeout));
        Timers.StartSingleTimer("group", GroupTimedOut.Instance, settings.DetectorTimeout + GroupGrace);
    }

    private void OnDetected(GroupDetectionResult result)
    {
        Timers.Cancel("group");
        failures.AddRange(result.Failures);
        EndPhase(DetectPhase);
        Continue(result.Patterns);
    }

    private void OnGroupTimedOut()
    {
        failures.Add(KeyValuePair.Create($"group-{Group}", "the detector group did not answer"));
        EndPhase(DetectPhase);
        Continue([]);
    }

    /// <summary>Phase 4 asks the device manager for every device's usage; it never fails the run.</summary>
    private void Continue(IReadOnlyList<Pattern> patterns)
    {
        detected = patterns;
        if (capabilities is not null)
        {
            var controllable = capabilities.Devices.Sum(d => d.Features.Count(f => f.Role == FeatureRole.Controllable));
            log.Info("Run {RunId}: feature analysis of {Devices} devices, {Controllable} controllable features", request.RunId, capabilities.Devices.Count, controllable);
        }

        devices.Ask<DeviceUsageView>(GetDeviceUsage.All, settings.CapabilityTimeout).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? t.Result
                : (object)new UsageFailed(t.Exception?.GetBaseException().Message ?? $"no answer within {settings.CapabilityTimeout}"),
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnUsageFailed(UsageFailed failure)
    {
        log.Warning("Run {RunId}: device usage unavailable: {Error}", request.RunId, failure.Error);
        failures.Add(KeyValuePair.Create(FeaturesPhase, failure.Error));
        opportunitiesFound = [];
        EndFeaturesWhenReady();
    }

    /// <summary>
    /// Utilisation of the home and the unused features an automation could put to work, both over the run's window:
    /// a feature last used before the window is unused now.
    /// </summary>
    private void OnUsage(DeviceUsageView view)
    {
        IReadOnlyList<FeatureOpportunity> opportunities = [];
        try
        {
            var snapshots = view.Devices.Select(d => d.Snapshot).ToList();
            var calendar = home.Calendar;
            var window = UsageWindow.Covering(request.WindowStart, request.WindowEnd, calendar.LocalDate);
            var homeUsage = HomeUtilisation.Of(snapshots, window);
            utilisation = homeUsage.Ratio;
            opportunities = FeatureOpportunities.Find(snapshots, window);
            log.Info(
                "Run {RunId}: {Used} of {Controllable} controllable features used in [{From}, {To}), {Opportunities} unused-feature opportunities",
                request.RunId, homeUsage.Used, homeUsage.Controllable, window.From, window.To, opportunities.Count);
        }
        catch (Exception e)
        {
            log.Error(e, "Run {RunId}: feature analysis failed", request.RunId);
            failures.Add(KeyValuePair.Create(FeaturesPhase, $"{e.GetType().Name}: {e.Message}"));
        }

        opportunitiesFound = opportunities;
        EndFeaturesWhenReady();
    }

    /// <summary>Phase 4 ends when the devices' usage is in and Home Assistant's automations are read or given up on.</summary>
    private void EndFeaturesWhenReady()
    {
        if (opportunitiesFound is not { } opportunities || (automationsFetched is null && automationsNotChecked is null))
        {
            return;
        }

        EndPhase(FeaturesPhase);
        Suggest(opportunities, automationsFetched is { } fetched ? Catalog(fetched) : null);
    }

    private HaAutomationCatalog Catalog(HaAutomationFetch fetched)
    {
        var catalog = HaAutomationCatalog.Build(fetched.Entries, fetched.Registry, fetched.Unfetchable);
        var problems = fetched.Problems.Concat(catalog.Problems).ToList();
        log.Info(
            "Run {RunId}: {Automations} Home Assistant automations read from {Source} ({Enabled} enabled, {Unresolved} naming devices or areas not resolved), {Skipped} skipped, {Problems} problems",
            [request.RunId, catalog.Automations.Count, fetched.Source, catalog.EnabledCount, catalog.EnabledWithUnresolved, fetched.Unfetchable + catalog.Skipped, problems.Count]);
        foreach (var problem in problems.Take(MaxLoggedProblems))
        {
            log.Info("Run {RunId}: Home Assistant automation skipped in part or whole: {Problem}", request.RunId, problem);
        }

        if (problems.Count > MaxLoggedProblems)
        {
            log.Info("Run {RunId}: {More} more Home Assistant automation problems not logged", request.RunId, problems.Count - MaxLoggedProblems);
        }

        return catalog;
    }

    private void Suggest(IReadOnlyList<FeatureOpportunity> opportunities, HaAutomationCatalog? automations)
    {
        IReadOnlyList<Suggestion> built = [];
        homeAssistantCheck = HomeAssistantCheck.NotChecked(automationsNotChecked ?? "Home Assistant's automations were not read");
        try
        {
            if (automations is null)
            {
                built = SuggestionEngine.Build(detected, opportunities, home, settings.TopSuggestions);
            }
            else
            {
                var result = AlreadyAutomated.Build(detected, opportunities, home, settings.TopSuggestions, automations);
                built = result.Suggestions;
                foreach (var dropped in result.AlreadyAutomated)
                {
                    log.Info("Run {RunId}: not suggesting \"{Title}\": {Why}", request.RunId, dropped.Title, dropped.Why);
                }

                homeAssistantCheck = HomeAssistantCheck.Of(automationsFetched!.Source, automations, result.AlreadyAutomated.Count);
            }
        }
        catch (Exception e)
        {
            log.Error(e, "Run {RunId}: building suggestions failed", request.RunId);
            failures.Add(KeyValuePair.Create(SuggestionsPhase, $"{e.GetType().Name}: {e.Message}"));
        }

        EndPhase(SuggestionsPhase);
        Finish(failures.Count == 0 ? AnalysisRunStatus.Completed : AnalysisRunStatus.Partial, detected, built);
    }

    /// <summary>
    /// Phase 6 is the hand-over to the SuggestionActor, which stores and publishes after it, outside the run's timing.
    /// </summary>
    private void Finish(AnalysisRunStatus status, IReadOnlyList<Pattern> patterns, IReadOnlyList<Suggestion> built)
    {
        var publishStarted = time.GetTimestamp();
        var report = Report(status, patterns.Count, built.Count, phases.Append(KeyValuePair.Create(PublishPhase, 0L)).ToList());
        var publishMs = (long)time.GetElapsedTime(publishStarted).TotalMilliseconds;
        report = report with { PhaseMilliseconds = phases.Append(KeyValuePair.Create(PublishPhase, publishMs)).ToList(), HomeAssistant = homeAssistantCheck };
        suggestions.Tell(new PublishAnalysis(report, patterns, built));
        log.Info(
            "Analysis run {RunId} {Status}: {Events} events, {Patterns} patterns, {Suggestions} suggestions, {Failures} failures",
            request.RunId, status, eventCount, patterns.Count, built.Count, failures.Count);
        replyTo.Tell(new AnalysisRunCompleted(report));
        Become(() => { });
    }

    private AnalysisRunReport Report(AnalysisRunStatus status, int patternCount, int suggestionCount, IReadOnlyList<KeyValuePair<string, long>> phaseTimes) =>
        new(
            request.RunId,
            request.Kind,
            request.Trigger,
            startedAt,
            time.GetUtcNow(),
            request.WindowStart,
            request.WindowEnd,
            status,
            phaseTimes,
            eventCount,
            patternCount,
            suggestionCount,
            failures.ToList(),
            utilisation,
            AggregateDays: aggregateDays);

    private void EndPhase(string phase)
    {
        phases.Add(KeyValuePair.Create(phase, (long)time.GetElapsedTime(phaseStartedAt).TotalMilliseconds));
        phaseStartedAt = time.GetTimestamp();
    }

    private sealed record CapabilitiesFailed(string Error);

    private sealed record EventsLoaded(IReadOnlyList<StateChange> Events);

    private sealed record EventsFailed(string Error);

    private sealed record UsageFailed(string Error);

    private sealed record AutomationsUnavailable(string Reason);

    private sealed record GroupTimedOut
    {
        public static GroupTimedOut Instance { get; } = new();
    }
}
