using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Devices;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Actors.Tests;

/// <summary>Usage by origin and per day on the real SQLite journal: imported history, restarts, journals of older versions.</summary>
public sealed class DeviceUsageRecoveryTests : TestKit, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private readonly string databasePath;

    public DeviceUsageRecoveryTests()
        : this(Path.Combine(Path.GetTempPath(), $"haingestor-usage-{Guid.NewGuid():N}.db"))
    {
    }

    private DeviceUsageRecoveryTests(string databasePath)
        : base(PersistenceHocon.SqliteSystem(databasePath))
    {
        this.databasePath = databasePath;
    }

    private static ZigbeeDevice Light => BridgeDevicesParser.Parse(DeviceLists.With("hall/ceiling")).Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee);

    private IActorRef Device(string name, int snapshotEvery = 100) =>
        Sys.ActorOf(DeviceActor.Props(DeviceLists.LightIeee, CreateTestProbe(), "zigbee2mqtt", snapshotEvery, new DeviceUsageSettings(Madrid, 90)), name);

    private DeviceSnapshotView SnapshotOf(IActorRef device)
    {
        device.Tell(GetDeviceSnapshot.Instance, TestActor);
        return ExpectMsg<DeviceSnapshotView>(Patience);
    }

    private void Stop(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        ExpectTerminated(actor, Patience);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public void Imported_usage_survives_a_restart_from_journal_or_snapshot(int snapshotEvery)
    {
        var first = Device("imported-1", snapshotEvery);
        first.Tell(new DefineDevice(Light, DeviceLists.Light("hall/ceiling"), T0));
        // 23:30 UTC on 2 April is 01:30 on 3 April in Madrid: the local day counts.
        var late = new DateTimeOffset(2025, 4, 2, 23, 30, 0, TimeSpan.Zero);
        first.Tell(new ImportDeviceUsage(DeviceLists.LightIeee,
        [
            new DeviceFeatureUse(DeviceLists.LightIeee, T0, new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Human)),
            new DeviceFeatureUse(DeviceLists.LightIeee, T0.AddMinutes(5), new PropertyChange("state", "\"ON\"", "\"OFF\"", UsageOrigin.Automation)),
            new DeviceFeatureUse(DeviceLists.LightIeee, late, new PropertyChange("brightness", "100", "50", UsageOrigin.Human)),
        ]), TestActor);
        Assert.Equal(new DeviceUsageImportedAck(DeviceLists.LightIeee, 3, new OriginCounts(2, 1, 0, 0, 0), 0, 0), ExpectMsg<DeviceUsageImportedAck>(Patience));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":10}"""), T0.AddDays(1)));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":10}"""), T0.AddDays(1).AddMinutes(1)));
        first.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        var before = SnapshotOf(first);
        Stop(first);

        var after = SnapshotOf(Device("imported-2", snapshotEvery)).Snapshot;

        var state = after.Usage["state"];
        Assert.Equal(3, state.ChangeCount);
        // The live switch had no /set command before it: someone at the wall.
        Assert.Equal(new OriginCounts(2, 1, 0, 0, 0), state.ByOrigin);
        Assert.Equal(
            [new DailyUsage(new DateOnly(2025, 4, 2), new OriginCounts(1, 1, 0, 0, 0)), new DailyUsage(new DateOnly(2025, 4, 3), OriginCounts.Of(UsageOrigin.Human, 1))],
            state.Days);
        Assert.Equal([new DailyUsage(new DateOnly(2025, 4, 3), OriginCounts.Of(UsageOrigin.Human, 1))], after.Usage["brightness"].Days);
        Assert.Equal("\"ON\"", after.LastValues["state"]);
        Assert.Equal("10", after.LastValues["brightness"]);
        Assert.Equal(Json(before.Snapshot.Usage.OrderBy(u => u.Key, StringComparer.Ordinal)), Json(after.Usage.OrderBy(u => u.Key, StringComparer.Ordinal)));
    }

    [Fact]
    public void A_restarted_manager_knows_the_persisted_definitions_and_routes_imported_usage()
    {
        var first = Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), CreateTestProbe(), "zigbee2mqtt", "ha-ai", 100, new ManualTimeProvider(T0)), "manager-1");
        first.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        first.Tell(DrainDevices.Instance, TestActor);
        ExpectMsg<DevicesDrained>(Patience);
        Stop(first);

        var second = Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), CreateTestProbe(), "zigbee2mqtt", "ha-ai", 100, new ManualTimeProvider(T0)), "manager-2");
        second.Tell(GetKnownDevices.Instance, TestActor);
        var known = ExpectMsg<KnownDevices>(Patience).Devices;
        Assert.Contains(known, d => d.IeeeAddress == DeviceLists.LightIeee && d.FriendlyName == "hall/ceiling");

        second.Tell(new ImportDeviceUsage(DeviceLists.LightIeee, [new DeviceFeatureUse(DeviceLists.LightIeee, T0, new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Automation))]), TestActor);
        Assert.Equal(1, ExpectMsg<DeviceUsageImportedAck>(Patience).Uses);
    }

    [Fact]
    public void A_change_after_a_set_command_is_commanded_one_without_is_physical_and_one_after_a_group_command_unknown()
    {
        var device = Device("commanded-1");
        device.Tell(new DefineDevice(Light, DeviceLists.Light("hall/ceiling"), T0));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":10}"""), T0));
        device.Tell(new DeviceCommandReceived("hall/ceiling", null, DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":10}"""), T0.AddMinutes(1).AddSeconds(1)));
        device.Tell(new DeviceCommandReceived("hall/ceiling", "brightness", DeviceLists.State("40"), T0.AddMinutes(2)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":40}"""), T0.AddMinutes(2).AddSeconds(2)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":40}"""), T0.AddMinutes(3)));
        device.Tell(new GroupCommandSeen(T0.AddMinutes(4)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":40}"""), T0.AddMinutes(4).AddSeconds(1)));
        // Too long after its command: the wall switch again.
        device.Tell(new DeviceCommandReceived("hall/ceiling", null, DeviceLists.State("""{"brightness_step":20}"""), T0.AddMinutes(5)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":60}"""), T0.AddMinutes(5).AddSeconds(3)));
        device.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":80}"""), T0.AddMinutes(5).AddSeconds(30)));
        device.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        Stop(device);

        var usage = SnapshotOf(Device("commanded-2")).Snapshot.Usage;

        Assert.Equal(new OriginCounts(1, 0, 0, 1, 1), usage["state"].ByOrigin);
        Assert.Equal(new OriginCounts(1, 0, 0, 2, 0), usage["brightness"].ByOrigin);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public void A_journal_written_before_origins_and_days_recovers_with_the_mqtt_rule(int snapshotEvery)
    {
        var first = Device("old-1", snapshotEvery);
        first.Tell(new DefineDevice(Light, DeviceLists.Light("hall/ceiling"), T0));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":10}"""), T0.AddMinutes(1)));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":20}"""), T0.AddMinutes(2)));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":20}"""), T0.AddMinutes(3)));
        first.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        Stop(first);
        if (snapshotEvery == 1)
        {
            // The drain waits for the journal, not for the snapshot saved after its last write: strip only once that is stored.
            AwaitAssert(() => Assert.Equal(HighestSequenceNumber("event_journal"), HighestSequenceNumber("snapshot")), Patience);
        }

        var rewritten = StripNewFields("Origins", "OriginCounts", "UsageDays", "UsageDayCounts");
        Assert.True(rewritten > 0);

        var after = SnapshotOf(Device("old-2", snapshotEvery));

        var state = after.Snapshot.Usage["state"];
        Assert.Equal(2, state.ChangeCount);
        Assert.Equal(OriginCounts.Of(UsageOrigin.Unknown, 2), state.ByOrigin);
        Assert.Equal(1, after.Snapshot.Usage["brightness"].ByOrigin.Unknown);
        Assert.Equal("\"OFF\"", after.Snapshot.LastValues["state"]);
        Assert.Equal(3, after.StateChanges);
        if (snapshotEvery == 100)
        {
            // Replayed events get their days; an old snapshot has none to give.
            Assert.Equal([new DailyUsage(new DateOnly(2025, 4, 2), OriginCounts.Of(UsageOrigin.Unknown, 2))], state.Days);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public void Imported_and_live_ranges_survive_a_restart_so_the_same_history_is_not_counted_again(int snapshotEvery)
    {
        var first = Device("ranges-1", snapshotEvery);
        first.Tell(new DefineDevice(Light, DeviceLists.Light("hall/ceiling"), T0));
        first.Tell(new ImportDeviceUsage(DeviceLists.LightIeee, History(0, 3), "import-1"), TestActor);
        Assert.Equal(4, ExpectMsg<DeviceUsageImportedAck>(Patience).Counted.Total);
        // Heard live from 12:00 on: the state settles at ON, then the wall switch turns it OFF at 12:30.
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":10}"""), T0.AddHours(12)));
        first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":10}"""), T0.AddHours(12).AddMinutes(30)));
        first.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        var before = SnapshotOf(first).Snapshot.Usage["state"].ChangeCount;
        Stop(first);

        var second = Device("ranges-2", snapshotEvery);
        // A longer export: the first import again, the live switch again (HA's time a little off), and one new use.
        var again = History(0, 4).Append(new DeviceFeatureUse(
            DeviceLists.LightIeee, T0.AddHours(12).AddMinutes(30).AddSeconds(1), new PropertyChange("state", "\"ON\"", "\"OFF\"", UsageOrigin.Human))).ToList();
        second.Tell(new ImportDeviceUsage(DeviceLists.LightIeee, again, "import-2"), TestActor);
        var ack = ExpectMsg<DeviceUsageImportedAck>(Patience);

        Assert.Equal(5, before);
        Assert.Equal((4, 1, 1L), (ack.SkippedImported, ack.SkippedLive, ack.Counted.Total));
        Assert.Equal(6, SnapshotOf(second).Snapshot.Usage["state"].ChangeCount);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public void A_journal_written_before_ranges_recovers_and_takes_the_imported_uses_as_covered(int snapshotEvery)
    {
        var first = Device("noranges-1", snapshotEvery);
        first.Tell(new DefineDevice(Light, DeviceLists.Light("hall/ceiling"), T0));
        first.Tell(new ImportDeviceUsage(DeviceLists.LightIeee, History(0, 3)), TestActor);
        ExpectMsg<DeviceUsageImportedAck>(Patience);
        first.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        Stop(first);

        Assert.True(StripNewFields("CoveredPaths", "CoveredFromUnixMs", "CoveredToUnixMs", "ImportedPaths", "ImportedRanges", "LiveRanges") > 0);

        var second = Device("noranges-2", snapshotEvery);
        Assert.Equal(4, SnapshotOf(second).Snapshot.Usage["state"].ChangeCount);
        second.Tell(new ImportDeviceUsage(DeviceLists.LightIeee, History(0, 3)), TestActor);
        var ack = ExpectMsg<DeviceUsageImportedAck>(Patience);
        Assert.Equal(4, ack.SkippedImported + ack.Counted.Total);
        Assert.Equal(4 + ack.Counted.Total, SnapshotOf(second).Snapshot.Usage["state"].ChangeCount);
        if (snapshotEvery == 100)
        {
            // The replayed event's own uses say what it covered (an old snapshot has no ranges to give).
            Assert.Equal(4, ack.SkippedImported);
        }
    }

    /// <summary>The light switched by a person every hour from <paramref name="fromHour"/> to <paramref name="toHour"/>.</summary>
    private static List<DeviceFeatureUse> History(int fromHour, int toHour) =>
        Enumerable.Range(fromHour, toHour - fromHour + 1)
            .Select(h => new DeviceFeatureUse(
                DeviceLists.LightIeee, T0.AddHours(h), new PropertyChange("state", h % 2 == 0 ? "\"OFF\"" : "\"ON\"", h % 2 == 0 ? "\"ON\"" : "\"OFF\"", UsageOrigin.Human)))
            .ToList();

    /// <summary>Turns the stored events and snapshots into the shape older versions wrote: without the fields added since.</summary>
    private long HighestSequenceNumber(string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(sequence_nr), 0) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private int StripNewFields(params string[] fields)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        var rewritten = 0;
        foreach (var (table, column) in new[] { ("event_journal", "payload"), ("snapshot", "payload") })
        {
            var rows = new List<(long RowId, byte[] Bytes)>();
            using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL AND serializer_id = 7101";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
                }
            }

            foreach (var (rowId, bytes) in rows)
            {
                var node = JsonNode.Parse(bytes);
                if (node is not JsonObject root || !Strip(root, fields))
                {
                    continue;
                }

                using var update = connection.CreateCommand();
                update.CommandText = $"UPDATE {table} SET {column} = $bytes WHERE rowid = $row";
                update.Parameters.AddWithValue("$bytes", System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
                update.Parameters.AddWithValue("$row", rowId);
                update.ExecuteNonQuery();
                rewritten++;
            }
        }

        return rewritten;
    }

    private static bool Strip(JsonObject node, string[] fields)
    {
        var changed = false;
        foreach (var name in fields)
        {
            changed |= node.Remove(name);
        }

        if (node["Changes"] is JsonArray changes)
        {
            foreach (var change in changes.OfType<JsonObject>())
            {
                changed |= Strip(change, fields);
            }
        }

        return changed;
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    public new void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
