using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Tests;

/// <summary>The device manager's list summary and change history on the real SQLite journal and snapshot store.</summary>
public sealed class DeviceManagerRecoveryTests : TestKit, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string databasePath;

    public DeviceManagerRecoveryTests()
        : this(Path.Combine(Path.GetTempPath(), $"haingestor-manager-{Guid.NewGuid():N}.db"))
    {
    }

    private DeviceManagerRecoveryTests(string databasePath)
        : base(PersistenceHocon.SqliteSystem(databasePath))
    {
        this.databasePath = databasePath;
    }

    private IActorRef Manager(IActorRef publisher, int snapshotEvery, string name) =>
        Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), publisher, "zigbee2mqtt", "ha-ai", snapshotEvery, new ManualTimeProvider(T0)), name);

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public void The_last_list_and_the_history_survive_a_restart_from_journal_or_snapshot(int snapshotEvery)
    {
        var publisher = CreateTestProbe();
        var first = Manager(publisher, snapshotEvery, "devices-1");
        first.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        first.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        for (var i = 0; i < 3; i++)
        {
            publisher.ExpectMsg<Publish>(Patience);
        }

        Watch(first);
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first, Patience);

        var second = Manager(publisher, snapshotEvery, "devices-2");
        second.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        second.Tell(GetDeviceChanges.Instance, TestActor);
        var history = ExpectMsg<DeviceChangesView>(Patience).Changes;

        publisher.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal([DeviceListChangeKind.Renamed, DeviceListChangeKind.Added, DeviceListChangeKind.Added], history.Select(c => c.Kind));
        Assert.Equal("hall/ceiling", history[0].PreviousFriendlyName);
        Assert.Equal(["brightness", "state"], history.Single(c => c.IeeeAddress == DeviceLists.LightIeee && c.Kind == DeviceListChangeKind.Added).AddedFeatures);
        Assert.Equal(T0, history[0].At);
    }

    [Fact]
    public void After_a_restart_the_devices_are_listed_and_routed_before_Zigbee2MQTT_publishes_its_list_again()
    {
        var publisher = CreateTestProbe();
        var first = Manager(publisher, 100, "devices-before");
        first.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        publisher.ExpectMsg<Publish>(Patience);
        first.Tell(GetDevices.Instance, TestActor);
        var before = ExpectMsg<DevicesView>(Patience).Devices.Select(d => (d.IeeeAddress, d.FriendlyName)).ToList();
        Assert.Contains((DeviceLists.LightIeee, "hall/main"), before);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first, Patience);

        var second = Manager(publisher, 100, "devices-after");
        AwaitAssert(
            () =>
            {
                second.Tell(GetDevices.Instance, TestActor);
                var listed = ExpectMsg<DevicesView>(Patience).Devices;
                Assert.Equal(before, listed.Select(d => (d.IeeeAddress, d.FriendlyName)));
            },
            Patience,
            TimeSpan.FromMilliseconds(100));

        second.Tell(new DeviceStateReceived("hall/main", DeviceLists.State("""{"state":"ON","brightness":10}"""), T0.AddMinutes(1)));
        AwaitAssert(
            () =>
            {
                second.Tell(new GetDeviceUsage(DeviceLists.LightIeee), TestActor);
                var usage = ExpectMsg<DeviceUsageView>(Patience).Devices.Single();
                Assert.Equal(T0.AddMinutes(1), usage.Snapshot.LastSeen);
            },
            Patience,
            TimeSpan.FromMilliseconds(100));
    }

    public new void Dispose()
    {
        base.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            File.Delete(databasePath);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file on some platforms; it is a temp file.
        }
    }
}
