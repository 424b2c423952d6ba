using Akka.Actor;
using HaIngestor.Actors;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// Imports Home Assistant history into a data directory the daemon is not running on: the state changes go to the L1
/// store (exact duplicates of stored rows are skipped), and the device feature uses they amount to go to the device
/// actors, which persist them like any other device event. Runs its own actor system on the daemon's journal, without
/// MQTT, the scheduler or the REST API.
/// </summary>
public sealed class HistoryImport(IEventStore store, string databasePath, HaIngestorSettings settings, TextWriter progress)
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
            var run = new Run(store, manager, new HistoryUsageMapper(known.Devices), progress, length, cancellationToken);
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

            return new ImportSummary(
                run.Lines, badLines, errors, run.Written, run.Duplicates, known.Devices.Count, run.DeviceLines, run.Origins, run.DevicesUpdated.Count);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>One import's batches: L1 writes, device uses in flight, counters, progress.</summary>
    private sealed class Run(IEventStore store, IActorRef manager, HistoryUsageMapper mapper, TextWriter progress, long? length, CancellationToken cancellationToken)
    {
        private readonly List<(HistoryLine Line, IReadOnlyList<DeviceFeatureUse>? Uses)> batch = [];
        private readonly Dictionary<string, List<DeviceFeatureUse>> pendingUses = new(StringComparer.Ordinal);
        private readonly List<Task<DeviceUsageImportedAck>> acks = [];
        private DateTime nextProgress = DateTime.UtcNow + ProgressEvery;

        public long Lines { get; private set; }

        public long Written { get; private set; }

        public long Duplicates { get; private set; }

        public long DeviceLines { get; private set; }

        public OriginCounts Origins { get; private set; } = OriginCounts.None;

        public HashSet<string> DevicesUpdated { get; } = new(StringComparer.Ordinal);

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
                progress.WriteLine(FormattableString.Invariant($"import: {Lines} lines{share}, {Written} written, {Origins.Total} feature changes"));
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
            batch.Clear();
        }

        private void Send(string ieee)
        {
            if (pendingUses.Remove(ieee, out var uses) && uses.Count > 0)
            {
                acks.Add(manager.Ask<DeviceUsageImportedAck>(new ImportDeviceUsage(ieee, uses), AskTimeout, cancellationToken));
            }
        }

        /// <summary>An exact duplicate: every stored field equal, times to the millisecond as the store keeps them.</summary>
        private static (long, string, string, string?, string?, Origin, string?, string?) Key(StateChange c) =>
            (c.Time.ToUnixTimeMilliseconds(), c.EntityId, c.State, c.OldState, c.Area, c.Origin, c.UserId, c.ParentId);
    }
}
