using Akka.Actor;
using HaIngestor.Actors;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// Imports Home Assistant history into a data directory the daemon is not running on: the state changes go to the L1
/// store (exact duplicates of stored rows are skipped), and the device feature uses they amount to go to the device
/// actors, which persist them like any other device event. Runs its own actor system on the daemon's journal, without
/// MQTT, the scheduler or the REST API. Last, every complete local day it wrote rows into is aggregated from L1 into
/// L2 with the daemon's aggregating detectors, as the daily run would: L1 prunes raw events after a few days, and
/// imported history older than that would otherwise be analysed by the first run only.
/// </summary>
/// <param name="store">L1.</param>
/// <param name="aggregates">L2.</param>
/// <param name="databasePath">The daemon's database, for the device actors' journal.</param>
/// <param name="settings">The daemon's settings: the home and the aggregate retention.</param>
/// <param name="detectors">The daemon's group A detectors; the aggregating ones make the L2 rows.</param>
/// <param name="time">The clock that says which days are complete.</param>
/// <param name="progress">Where progress lines go.</param>
public sealed class HistoryImport(
    IEventStore store,
    IAggregateStore aggregates,
    string databasePath,
    HaIngestorSettings settings,
    IReadOnlyList<IPatternDetector> detectors,
    TimeProvider time,
    TextWriter progress)
{
    private const int BatchLines = 5_000;
    private const int MaxUsesPerMessage = 2_000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    /// <param name="events">The events.jsonl content.</param>
    /// <param name="length">Its length in bytes when known, for the progress percentage.</param>
    /// <param name="bridgeDevices">A device list to record first (as if Zigbee2MQTT had published it), or null.</param>
    /// <param name="entityAreas">entity_id → area for lines without one (home.json), or null.</param>
    public async Task<ImportSummary> RunAsync(Stream events, long? length, byte[]? bridgeDevices, IReadOnlyDictionary<string, string>? entityAreas, CancellationToken cancellationToken)
    {
        // Its output is the summary: the actor system only speaks up when something is wrong.
        var quiet = Akka.Configuration.ConfigurationFactory.ParseString("akka { loglevel = WARNING, stdout-loglevel = WARNING, log-dead-letters = off }");
        var system = ActorSystem.Create("haingestor-import", quiet.WithFallback(PersistenceHocon.SqliteSystem(databasePath)));
        try
        {
            var usageSettings = new DeviceUsageSettings(settings.Home.Calendar.TimeZone, settings.AggregateRetentionDays);
            var manager = system.ActorOf(
                DeviceManagerActor.Props(
                    ActorRefs.Nobody, ActorRefs.Nobody, settings.Mqtt.Zigbee2MqttBaseTopic, settings.Mqtt.BaseTopic, settings.SnapshotEvery, TimeProvider.System, usageSettings),
                "devices");
            if (bridgeDevices is not null)
            {
                manager.Tell(new DeviceListReceived(bridgeDevices));
            }

            var known = await manager.Ask<KnownDevices>(GetKnownDevices.Instance, AskTimeout, cancellationToken);
            var run = new Run(store, manager, new HistoryUsageMapper(known.Devices), settings.Home.Calendar, progress, length, cancellationToken);
            var errors = new List<JsonlLineError>();
            long badLines = 0;
            foreach (var line in HistoryLineReader.Read(events, entityAreas, error =>
            {
                badLines++;
                if (errors.Count < 20)
                {
                    errors.Add(error);
                }
            }))
            {
                await run.AddAsync(line, events.CanSeek ? events.Position : null);
            }

            await run.FinishAsync();
            var drained = await manager.Ask<DevicesDrained>(DrainDevices.Instance, AskTimeout, cancellationToken);
            if (drained.TimedOut > 0)
            {
                throw new TimeoutException($"{drained.TimedOut} device actors did not confirm their writes");
            }

            var l2 = await AggregateAsync(run.WrittenDays, cancellationToken);
            return new ImportSummary(
                run.Lines, badLines, errors, run.Written, run.Duplicates, known.Devices.Count, run.DeviceLines, run.Counted, run.DevicesUpdated.Count, l2)
            {
                SkippedImported = run.SkippedImported,
                SkippedLive = run.SkippedLive,
            };
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// Aggregates the complete days among <paramref name="written"/> that L2 retention keeps. The write log is read after
    /// the appends, so the rows are fresh for the next run; the data-directory lock keeps any prune or append out meanwhile.
    /// </summary>
    private async Task<ImportAggregates> AggregateAsync(IReadOnlySet<DateOnly> written, CancellationToken cancellationToken)
    {
        var home = settings.Home;
        var today = LocalDays.DateOf(time.GetUtcNow(), home.Calendar);
        var oldest = today.AddDays(-settings.AggregateRetentionDays);
        var aggregators = IncrementalAnalysis.Aggregators(detectors);
        var complete = written.Where(d => d < today).Order().ToList();
        if (aggregators.Count == 0 || complete.Count == 0)
        {
            return ImportAggregates.None(settings.AggregateRetentionDays);
        }

        var log = await store.WriteLogAsync(cancellationToken);
        var fromL1 = new L1DayAggregation(store, aggregates, home, AggregateFreshness.For(aggregators, home, log), log.Sequence);
        var kept = complete.Where(d => d >= oldest).ToList();
        foreach (var date in kept)
        {
            await fromL1.AggregateAsync(date, aggregators, cancellationToken);
        }

        return new ImportAggregates(
            kept.Count, kept.Count > 0 ? kept[0] : null, kept.Count > 0 ? kept[^1] : null, complete.Count - kept.Count, settings.AggregateRetentionDays);
    }

    /// <summary>One import's batches: L1 writes, device uses in flight, counters, progress.</summary>
    private sealed class Run(
        IEventStore store, IActorRef manager, HistoryUsageMapper mapper, HomeCalendar calendar, TextWriter progress, long? length, CancellationToken cancellationToken)
    {
        private readonly List<(HistoryLine Line, IReadOnlyList<DeviceFeatureUse>? Uses)> batch = [];
        private readonly Dictionary<string, List<DeviceFeatureUse>> pendingUses = new(StringComparer.Ordinal);
        private readonly List<Task<DeviceUsageImportedAck>> acks = [];
        private readonly string importId = Guid.NewGuid().ToString("N");
        private DateTime nextProgress = DateTime.UtcNow + ProgressEvery;

        public long Lines { get; private set; }

        public long Written { get; private set; }

        public long Duplicates { get; private set; }

        public long DeviceLines { get; private set; }

        /// <summary>Feature uses found in new lines, before the device actors skip those counted already.</summary>
        public OriginCounts Origins { get; private set; } = OriginCounts.None;

        /// <summary>Feature uses the device actors counted.</summary>
        public OriginCounts Counted { get; private set; } = OriginCounts.None;

        public long SkippedImported { get; private set; }

        public long SkippedLive { get; private set; }

        public HashSet<string> DevicesUpdated { get; } = new(StringComparer.Ordinal);

        /// <summary>The local days the import wrote rows into.</summary>
        public HashSet<DateOnly> WrittenDays { get; } = [];

        /// <summary>The mapper sees every line, duplicates included, so it knows each entity's previous values.</summary>
        public async Task AddAsync(HistoryLine line, long? position)
        {
            Lines++;
            var mappedBefore = mapper.MappedLines;
            var uses = mapper.Map(line);
            batch.Add((line, mapper.MappedLines > mappedBefore ? uses : null));
            if (batch.Count >= BatchLines)
            {
                await FlushAsync();
            }

            if (DateTime.UtcNow >= nextProgress)
            {
                nextProgress = DateTime.UtcNow + ProgressEvery;
                var share = position is { } at && length is > 0 ? $" ({100.0 * at / length.Value:0}%)" : "";
                progress.WriteLine(FormattableString.Invariant($"import: {Lines} lines{share}, {Written} written, {Origins.Total} feature changes found"));
            }
        }

        public async Task FinishAsync()
        {
            await FlushAsync();
            foreach (var ieee in pendingUses.Keys.ToList())
            {
                Send(ieee);
            }

            foreach (var ack in await Task.WhenAll(acks))
            {
                Counted = Counted.Add(ack.Counted);
                SkippedImported += ack.SkippedImported;
                SkippedLive += ack.SkippedLive;
                if (ack.Uses > 0)
                {
                    DevicesUpdated.Add(ack.IeeeAddress);
                }
            }
        }

        private async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var from = batch.Min(b => b.Line.Change.Time);
            var to = batch.Max(b => b.Line.Change.Time).AddMilliseconds(1);
            var stored = (await store.ReadAsync(from, to, cancellationToken)).Select(Key).ToHashSet();
            var fresh = new List<StateChange>(batch.Count);
            foreach (var (line, uses) in batch)
            {
                if (!stored.Add(Key(line.Change)))
                {
                    Duplicates++;
                    continue;
                }

                fresh.Add(line.Change);
                if (uses is null)
                {
                    continue;
                }

                DeviceLines++;
                foreach (var use in uses)
                {
                    if (!pendingUses.TryGetValue(use.IeeeAddress, out var list))
                    {
                        pendingUses[use.IeeeAddress] = list = [];
                    }

                    list.Add(use);
                    if (DeviceSnapshot.IsUse(use.Change))
                    {
                        Origins = Origins.Add(use.Change.Origin ?? UsageOrigin.Unknown);
                    }

                    if (list.Count >= MaxUsesPerMessage)
                    {
                        Send(use.IeeeAddress);
                    }
                }
            }

            await store.AppendAsync(fresh, cancellationToken);
            Written += fresh.Count;
            WrittenDays.UnionWith(fresh.Select(c => LocalDays.DateOf(c.Time, calendar)));
            batch.Clear();
        }

        private void Send(string ieee)
        {
            if (pendingUses.Remove(ieee, out var uses) && uses.Count > 0)
            {
                acks.Add(manager.Ask<DeviceUsageImportedAck>(new ImportDeviceUsage(ieee, uses, importId), AskTimeout, cancellationToken));
            }
        }

        /// <summary>An exact duplicate: every stored field equal, times to the millisecond as the store keeps them.</summary>
        private static (long, string, string, string?, string?, Origin, string?, string?) Key(StateChange c) =>
            (c.Time.ToUnixTimeMilliseconds(), c.EntityId, c.State, c.OldState, c.Area, c.Origin, c.UserId, c.ParentId);
    }
}
