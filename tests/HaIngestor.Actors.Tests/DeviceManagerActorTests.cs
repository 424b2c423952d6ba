using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Tests;

public class DeviceManagerActorTests() : TestKit(TestConfig.InMemoryPersistence)
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    private IActorRef Manager(IActorRef events) =>
        Sys.ActorOf(DeviceManagerActor.Props(events, CreateTestProbe(), "zigbee2mqtt", "ha-ai", 10, new ManualTimeProvider(T0)));

    [Fact]
    public void Set_commands_reach_the_device_by_name_and_a_command_to_a_group_reaches_every_device()
    {
        var manager = Manager(CreateTestProbe());
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF"}"""), T0));
        manager.Tell(new DeviceCommandReceived("hall/ceiling", "state", DeviceLists.State("ON"), T0.AddMinutes(1)));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1).AddSeconds(1)));
        manager.Tell(new DeviceCommandReceived("all lights", null, DeviceLists.State("""{"state":"OFF"}"""), T0.AddMinutes(2)));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF"}"""), T0.AddMinutes(2).AddSeconds(1)));

        manager.Tell(new GetDeviceUsage(DeviceLists.LightIeee), TestActor);
        var usage = ExpectMsg<DeviceUsageView>().Devices.Single().Snapshot.Usage["state"];

        Assert.Equal(new OriginCounts(0, 0, 0, 1, 1), usage.ByOrigin);
    }

    [Fact]
    public void A_command_to_a_known_group_reaches_only_its_members_whose_change_is_commanded()
    {
        const string DeskIeee = "0x00158d0001a2b3c4";
        var manager = Manager(CreateTestProbe());
        var desk = DeviceLists.Light("desk").Replace(DeviceLists.LightIeee, DeskIeee, StringComparison.Ordinal);
        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($"[{DeviceLists.Coordinator},{DeviceLists.Light("hall/ceiling")},{desk}]")));
        manager.Tell(new GroupListReceived(Encoding.UTF8.GetBytes($$"""
            [{"id":1,"friendly_name":"hall lights","members":[{"ieee_address":"{{DeviceLists.LightIeee}}","endpoint":1},{"ieee_address":"0x00124b0029e3a1f0","endpoint":1}],"scenes":[]}]
            """)));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF"}"""), T0));
        manager.Tell(new DeviceStateReceived("desk", DeviceLists.State("""{"state":"OFF"}"""), T0));

        manager.Tell(new DeviceCommandReceived("hall lights", null, DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1)));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1).AddSeconds(1)));
        manager.Tell(new DeviceStateReceived("desk", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1).AddSeconds(1)));

        manager.Tell(new GetDeviceUsage(DeviceLists.LightIeee), TestActor);
        Assert.Equal(new OriginCounts(0, 0, 0, 1, 0), ExpectMsg<DeviceUsageView>().Devices.Single().Snapshot.Usage["state"].ByOrigin);
        manager.Tell(new GetDeviceUsage(DeskIeee), TestActor);
        Assert.Equal(new OriginCounts(1, 0, 0, 0, 0), ExpectMsg<DeviceUsageView>().Devices.Single().Snapshot.Usage["state"].ByOrigin);
    }

    [Fact]
    public void An_unreadable_group_list_is_counted_and_keeps_the_groups_known()
    {
        var manager = Manager(CreateTestProbe());
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        manager.Tell(new GroupListReceived(Encoding.UTF8.GetBytes($$"""
            [{"id":1,"friendly_name":"hall lights","members":[{"ieee_address":"{{DeviceLists.LightIeee}}","endpoint":1}]}]
            """)));
        manager.Tell(new GroupListReceived(Encoding.UTF8.GetBytes("[{\"id\":2,")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF"}"""), T0));

        manager.Tell(new DeviceCommandReceived("hall lights", "state", DeviceLists.State("ON"), T0.AddMinutes(1)));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0.AddMinutes(1).AddSeconds(1)));

        manager.Tell(new GetDeviceUsage(DeviceLists.LightIeee), TestActor);
        Assert.Equal(new OriginCounts(0, 0, 0, 1, 0), ExpectMsg<DeviceUsageView>().Devices.Single().Snapshot.Usage["state"].ByOrigin);
        manager.Tell(GetDeviceManagerStatus.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<DeviceManagerStatus>().BadPayloadsByTopic["zigbee2mqtt/bridge/groups"]);
    }

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
    public void The_devices_before_the_damage_in_a_broken_list_are_defined_and_their_states_reach_the_event_store()
    {
        var events = CreateTestProbe();
        var manager = Manager(events);

        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($$"""[{{DeviceLists.Coordinator}},{{DeviceLists.Light("hall/ceiling")}},{"ieee_address":"0x99","friendly_name":""")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0));

        Assert.Equal("on", events.ExpectMsg<WriteStateChanges>().Changes.Single().State);
    }

    [Fact]
    public void A_device_whose_ieee_address_is_not_valid_text_is_an_error_and_the_others_are_defined()
    {
        var events = CreateTestProbe();
        var manager = Manager(events);

        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($$"""[{{DeviceLists.Coordinator}},{"ieee_address":"0x\ud800"},{{DeviceLists.Light("hall/ceiling")}}]""")));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON"}"""), T0));

        Assert.Equal("on", events.ExpectMsg<WriteStateChanges>().Changes.Single().State);
        manager.Tell(GetDeviceManagerStatus.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<DeviceManagerStatus>().DeviceErrors);
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

    private IActorRef Manager(IActorRef events, IActorRef publisher) =>
        Sys.ActorOf(DeviceManagerActor.Props(events, publisher, "zigbee2mqtt", "ha-ai", 10, new ManualTimeProvider(T0)));

    private static JsonElement EventOf(Publish publish)
    {
        Assert.Equal("ha-ai/events/device", publish.Topic);
        Assert.False(publish.Retain);
        return JsonDocument.Parse(publish.Payload).RootElement;
    }

    [Fact]
    public void Device_list_changes_are_published_and_kept_and_a_restart_does_not_announce_them_again()
    {
        var publisher = CreateTestProbe();
        var manager = Manager(CreateTestProbe(), publisher);

        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        var added = Enumerable.Range(0, 2).Select(_ => EventOf(publisher.ExpectMsg<Publish>())).ToList();
        Assert.All(added, e => Assert.Equal("added", e.GetProperty("event").GetString()));
        var light = added.Single(e => e.GetProperty("ieee_address").GetString() == DeviceLists.LightIeee);
        Assert.Equal(["brightness", "state"], light.GetProperty("added_features").EnumerateArray().Select(f => f.GetString()));

        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        var renamed = EventOf(publisher.ExpectMsg<Publish>());
        Assert.Equal("renamed", renamed.GetProperty("event").GetString());
        Assert.Equal("hall/main", renamed.GetProperty("friendly_name").GetString());
        Assert.Equal("hall/ceiling", renamed.GetProperty("previous_friendly_name").GetString());

        Watch(manager);
        manager.Tell(PoisonPill.Instance);
        ExpectTerminated(manager);
        var restarted = Manager(CreateTestProbe(), publisher);
        restarted.Tell(new DeviceListReceived(DeviceLists.With("hall/main")));
        restarted.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($"[{DeviceLists.Coordinator}]")));
        var removed = EventOf(publisher.ExpectMsg<Publish>());
        Assert.Equal("removed", removed.GetProperty("event").GetString());
        Assert.Equal(DeviceLists.LightIeee, removed.GetProperty("ieee_address").GetString());
        Assert.Equal("hall/main", removed.GetProperty("friendly_name").GetString());
        publisher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        restarted.Tell(GetDeviceChanges.Instance, TestActor);
        var history = ExpectMsg<DeviceChangesView>().Changes;
        Assert.Equal(
            [DeviceListChangeKind.Removed, DeviceListChangeKind.Renamed, DeviceListChangeKind.Added, DeviceListChangeKind.Added],
            history.Select(c => c.Kind));
    }

    [Fact]
    public void A_device_that_cannot_be_read_is_not_announced_as_removed()
    {
        var publisher = CreateTestProbe();
        var manager = Manager(CreateTestProbe(), publisher);
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        publisher.ExpectMsg<Publish>();
        publisher.ExpectMsg<Publish>();

        var tooDeep = string.Concat(Enumerable.Repeat("{\"type\":\"composite\",\"name\":\"c\",\"features\":[", 64)) + string.Concat(Enumerable.Repeat("]}", 64));
        var broken = DeviceLists.Light("hall/ceiling").Replace("\"exposes\":[", $"\"exposes\":[{tooDeep},");
        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($"[{DeviceLists.Coordinator},{broken}]")));
        manager.Tell(GetDeviceManagerStatus.Instance, TestActor);

        Assert.Equal(1, ExpectMsg<DeviceManagerStatus>().DeviceErrors);
        publisher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Availability_is_kept_per_device_in_both_payload_forms()
    {
        var manager = Manager(CreateTestProbe(), CreateTestProbe());
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));

        manager.Tell(new DeviceAvailabilityReceived("hall/ceiling", Encoding.UTF8.GetBytes("""{"state":"offline"}""")));
        manager.Tell(GetDevices.Instance, TestActor);
        Assert.Equal("offline", ExpectMsg<DevicesView>().Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee).Availability);

        manager.Tell(new DeviceAvailabilityReceived("hall/ceiling", Encoding.UTF8.GetBytes("online")));
        manager.Tell(GetDevices.Instance, TestActor);
        Assert.Equal("online", ExpectMsg<DevicesView>().Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee).Availability);

        manager.Tell(new DeviceAvailabilityReceived("hall/ceiling", Encoding.UTF8.GetBytes("maybe")));
        manager.Tell(GetDeviceManagerStatus.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<DeviceManagerStatus>().BadPayloadsByTopic["zigbee2mqtt/hall/ceiling/availability"]);
    }

    [Fact]
    public void An_unknown_expose_type_is_logged_once_per_device_and_type()
    {
        var manager = Manager(CreateTestProbe(), CreateTestProbe());
        var withUnknown = DeviceLists.Light("hall/ceiling").Replace(
            "\"type\":\"light\"}]",
            "\"type\":\"light\"},{\"type\":\"hologram\",\"name\":\"beam\",\"property\":\"beam\",\"access\":1}]");
        var list = Encoding.UTF8.GetBytes($"[{DeviceLists.Coordinator},{withUnknown}]");

        EventFilter.Warning(contains: "hologram").Expect(1, () =>
        {
            manager.Tell(new DeviceListReceived(list));
            manager.Tell(new DeviceListReceived(list));
            manager.Tell(GetCapabilities.Instance, TestActor);
            var light = ExpectMsg<CapabilitySnapshot>().Devices.Single(d => d.IeeeAddress == DeviceLists.LightIeee);
            Assert.Equal("unknown", light.Features.Single(f => f.Path == "beam").Type);
        });
    }
}
