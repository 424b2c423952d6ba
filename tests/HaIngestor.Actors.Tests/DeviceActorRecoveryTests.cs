using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Tests;

/// <summary>The device actor on the real Akka.Persistence.Sql SQLite journal and snapshot store.</summary>
public sealed class DeviceActorRecoveryTests : TestKit, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    /// <summary>The first journal access creates the tables and warms linq2db up.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string databasePath;

    public DeviceActorRecoveryTests()
        : this(Path.Combine(Path.GetTempPath(), $"haingestor-actors-{Guid.NewGuid():N}.db"))
    {
    }

    private DeviceActorRecoveryTests(string databasePath)
        : base(PersistenceHocon.SqliteSystem(databasePath))
    {
        this.databasePath = databasePath;
    }

    [Fact]
    public void Definition_last_values_and_change_counts_survive_a_restart()
    {
        var events = CreateTestProbe();
        var definition = BridgeDevicesParser.Parse(DeviceLists.With("hall/ceiling")).Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee);
        var first = Sys.ActorOf(DeviceActor.Props(DeviceLists.LightIeee, events, "zigbee2mqtt", snapshotEvery: 3), "device-1");

        first.Tell(new DefineDevice(definition, DeviceLists.Light("hall/ceiling"), T0));
        var states = new[]
        {
            """{"state":"ON","brightness":100,"linkquality":80}""",
            """{"state":"OFF","brightness":100,"linkquality":75}""",
            """{"state":"ON","brightness":200}""",
            """{"state":"OFF"}""",
        };
        for (var i = 0; i < states.Length; i++)
        {
            first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State(states[i]), T0.AddMinutes(i + 1)));
        }

        var written = Enumerable.Range(0, states.Length).Select(_ => events.ExpectMsg<WriteStateChanges>(Patience)).SelectMany(w => w.Changes).ToList();
        Assert.Equal(["on", "off", "on", "off"], written.Where(c => c.Domain == "light").Select(c => c.State));

        first.Tell(GetDeviceSnapshot.Instance, TestActor);
        var before = ExpectMsg<DeviceSnapshotView>(Patience);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first, Patience);

        var second = Sys.ActorOf(DeviceActor.Props(DeviceLists.LightIeee, events, "zigbee2mqtt", snapshotEvery: 3), "device-2");
        second.Tell(GetDeviceSnapshot.Instance, TestActor);
        var after = ExpectMsg<DeviceSnapshotView>(Patience);

        Assert.Equal(4, after.StateChanges);
        Assert.Equal("hall/ceiling", after.Snapshot.Definition?.FriendlyName);
        Assert.Equal("AU-A1ZB2WDM", after.Snapshot.Definition?.Model);
        Assert.Equal(before.Snapshot.Definition?.Features.Count, after.Snapshot.Definition?.Features.Count);
        Assert.Equal(before.Snapshot.LastValues.OrderBy(v => v.Key), after.Snapshot.LastValues.OrderBy(v => v.Key));
        Assert.Equal("\"OFF\"", after.Snapshot.LastValues["state"]);
        Assert.Equal("200", after.Snapshot.LastValues["brightness"]);
        Assert.Equal(3, after.Snapshot.Usage["state"].ChangeCount);
        Assert.Equal(1, after.Snapshot.Usage["brightness"].ChangeCount);
        Assert.Equal(T0.AddMinutes(4), after.Snapshot.Usage["state"].LastChanged);
        Assert.Equal(before.Snapshot.Usage["state"].DistinctValues, after.Snapshot.Usage["state"].DistinctValues);
        Assert.Equal(T0.AddMinutes(4), after.Snapshot.LastSeen);
    }

    [Fact]
    public void A_burst_written_in_batches_and_snapshots_recovers_every_change_exactly_once()
    {
        var events = CreateTestProbe();
        var definition = BridgeDevicesParser.Parse(DeviceLists.With("hall/ceiling")).Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee);
        var first = Sys.ActorOf(DeviceActor.Props(DeviceLists.LightIeee, events, "zigbee2mqtt", snapshotEvery: 3), "burst-1");
        first.Tell(new DefineDevice(definition, DeviceLists.Light("hall/ceiling"), T0));
        const int messages = 400;
        for (var i = 0; i < messages; i++)
        {
            var json = i % 2 == 0 ? """{"state":"ON"}""" : """{"state":"OFF"}""";
            first.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State(json), T0.AddSeconds(i)));
        }

        first.Tell(DrainDevice.Instance, TestActor);
        ExpectMsg<DeviceDrained>(Patience);
        var written = events.ReceiveWhile(TimeSpan.FromSeconds(1), m => m as WriteStateChanges).SelectMany(w => w!.Changes).ToList();
        Assert.Equal(messages, written.Count);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first, Patience);

        var second = Sys.ActorOf(DeviceActor.Props(DeviceLists.LightIeee, events, "zigbee2mqtt", snapshotEvery: 3), "burst-2");
        second.Tell(GetDeviceSnapshot.Instance, TestActor);
        var after = ExpectMsg<DeviceSnapshotView>(Patience);

        Assert.Equal(messages, after.StateChanges);
        Assert.Equal(messages - 1, after.Snapshot.Usage["state"].ChangeCount);
        Assert.Equal("\"OFF\"", after.Snapshot.LastValues["state"]);
    }

    public new void Dispose()
    {
        base.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
