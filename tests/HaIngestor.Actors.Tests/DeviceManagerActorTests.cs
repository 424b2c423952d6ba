using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;

namespace HaIngestor.Actors.Tests;

public class DeviceManagerActorTests() : TestKit(TestConfig.InMemoryPersistence)
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    private IActorRef Manager(IActorRef events) =>
        Sys.ActorOf(DeviceManagerActor.Props(events, "zigbee2mqtt", 10, new ManualTimeProvider(T0)));

    [Fact]
    public void State_messages_reach_the_device_by_friendly_name_and_a_rename_keeps_its_history()
    {
        var events = CreateTestProbe();
        var manager = Manager(events);

        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1)));
        Assert.Equal("on", events.ExpectMsg<WriteStateChanges>().Changes.Single().State);

        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        manager.Tell(new DeviceStateReceived("hall/main", DeviceLists.State("""{"state":"OFF"}"""), T0.AddMinutes(2)));
        var renamed = events.ExpectMsg<WriteStateChanges>().Changes.Single();
        Assert.Equal("off", renamed.State);
        Assert.Equal("on", renamed.OldState);

        manager.Tell(GetDevices.Instance, TestActor);
        var light = ExpectMsg<DevicesView>().Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee);
        Assert.Equal("hall/main", light.FriendlyName);
        Assert.Equal("AU-A1ZB2WDM", light.Model);
        Assert.Equal(T0.AddMinutes(2), light.LastSeen);
    }

    [Fact]
    public void A_state_that_arrives_before_the_device_list_is_delivered_once_the_list_names_it()
    {
        var events = CreateTestProbe();
        var manager = Manager(events);

        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0));
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));

        Assert.Equal("on", events.ExpectMsg<WriteStateChanges>().Changes.Single().State);
        manager.Tell(GetDeviceManagerStatus.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<DeviceManagerStatus>().UnknownDeviceMessages);
    }

    [Fact]
    public void Bad_payloads_are_counted_by_topic_and_the_manager_carries_on()
    {
        var events = CreateTestProbe();
        var manager = Manager(events);

        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes("this is not json")));
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", Encoding.UTF8.GetBytes("{\"state\":"), T0));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1)));

        Assert.Equal("on", events.ExpectMsg<WriteStateChanges>().Changes.Single().State);
        AwaitAssert(() =>
        {
            manager.Tell(GetDeviceManagerStatus.Instance, TestActor);
            var status = ExpectMsg<DeviceManagerStatus>();
            Assert.Equal(1, status.BadPayloadsByTopic["zigbee2mqtt/bridge/devices"]);
            Assert.Equal(1, status.BadPayloadsByTopic["zigbee2mqtt/hall/ceiling"]);
            Assert.Equal(2, status.Devices);
        });
    }

    [Fact]
    public void The_capability_snapshot_is_the_latest_device_list()
    {
        var manager = Manager(CreateTestProbe());
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));

        manager.Tell(GetCapabilities.Instance, TestActor);
        var snapshot = ExpectMsg<CapabilitySnapshot>();

        Assert.Equal(["0x00124b0029e3a1f0", DeviceLists.LightIeee], snapshot.Devices.Select(d => d.IeeeAddress));
        Assert.Equal(T0, snapshot.ListReceivedAt);
    }
}
