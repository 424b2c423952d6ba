using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Bridge;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;

namespace HaIngestor.Actors.Tests;

/// <summary>Routing without a broker: the test delivers what the MQTT client would.</summary>
public class BridgeRoutingTests() : TestKit(TestConfig.Patient)
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static MqttSettings Unreachable => new()
    {
        Host = "127.0.0.1",
        Port = FreePort.Next(),
        ReconnectMinDelay = TimeSpan.FromSeconds(5),
        ReconnectMaxDelay = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void Device_messages_and_set_commands_go_to_the_device_manager_and_reads_are_ignored()
    {
        var devices = CreateTestProbe();
        var commands = CreateTestProbe();
        var bridge = Sys.ActorOf(BridgeActor.Props(Unreachable, devices, commands, new ManualTimeProvider(At)));
        var list = Encoding.UTF8.GetBytes("[]");
        var state = Encoding.UTF8.GetBytes("""{"state":"ON"}""");

        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/living room/lamp/set", state, At));
        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/bridge/state", state, At));
        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/bridge/devices", list, At));
        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/living room/lamp/get", state, At));
        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/living room/lamp", state, At));
        bridge.Tell(new MqttMessageReceived("zigbee2mqtt/living room/lamp/availability", Encoding.UTF8.GetBytes("""{"state":"online"}"""), At));

        var command = devices.ExpectMsg<DeviceCommandReceived>();
        Assert.Equal(("living room/lamp", (string?)null, At), (command.FriendlyName, command.Attribute, command.ReceivedAt));
        Assert.Same(list, devices.ExpectMsg<DeviceListReceived>().Payload);
        var routed = devices.ExpectMsg<DeviceStateReceived>();
        Assert.Equal("living room/lamp", routed.FriendlyName);
        Assert.Equal(state, routed.Payload);
        Assert.Equal(At, routed.ReceivedAt);
        Assert.Equal("living room/lamp", devices.ExpectMsg<DeviceAvailabilityReceived>().FriendlyName);

        bridge.Tell(GetBridgeStatus.Instance, TestActor);
        var status = ExpectMsg<BridgeStatus>();
        Assert.Equal(6, status.MessagesReceived);
        Assert.Equal(4, status.MessagesRouted);
        Assert.Equal(2, status.MessagesIgnored);
    }

    [Fact]
    public void The_run_command_asks_the_scheduler_for_an_mqtt_run()
    {
        var devices = CreateTestProbe();
        var commands = CreateTestProbe();
        var bridge = Sys.ActorOf(BridgeActor.Props(Unreachable, devices, commands, new ManualTimeProvider(At)));

        bridge.Tell(new MqttMessageReceived("ha-ai/commands/analysis/run", [], At));

        Assert.Equal(new RunAnalysisNow("mqtt"), commands.ExpectMsg<RunAnalysisNow>());
    }

    [Fact]
    public void Publishing_while_disconnected_keeps_the_message_in_the_outbox()
    {
        var bridge = Sys.ActorOf(BridgeActor.Props(Unreachable with { OutboxCapacity = 2 }, CreateTestProbe(), CreateTestProbe(), new ManualTimeProvider(At)));

        bridge.Tell(new Publish("ha-ai/analysis/complete", [1], Retain: false));
        bridge.Tell(new Publish("ha-ai/analysis/complete", [2], Retain: false));
        bridge.Tell(new Publish("ha-ai/analysis/complete", [3], Retain: false));
        bridge.Tell(GetBridgeStatus.Instance, TestActor);

        var status = ExpectMsg<BridgeStatus>();
        Assert.NotEqual(MqttConnectionState.Connected, status.State);
        Assert.Equal(2, status.OutboxSize);
        Assert.Equal(1, status.OutboxDropped);
    }
}
