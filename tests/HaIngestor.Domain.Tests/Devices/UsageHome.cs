using System.Text;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>A few real-shaped Zigbee2MQTT devices, and snapshots built by replaying state messages as the device actor does.</summary>
internal static class UsageHome
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 14, 8, 0, 0, TimeSpan.Zero);

    public const string CtLight = """
        {"ieee_address":"0x0000000000000001","friendly_name":"living/ceiling","type":"Router","supported":true,"disabled":false,"interview_state":"SUCCESSFUL",
         "definition":{"model":"LED1545G12","vendor":"IKEA","exposes":[{"type":"light","features":[
           {"type":"binary","name":"state","property":"state","access":7,"value_on":"ON","value_off":"OFF","value_toggle":"TOGGLE"},
           {"type":"numeric","name":"brightness","property":"brightness","access":7,"value_min":0,"value_max":254},
           {"type":"numeric","name":"color_temp","property":"color_temp","access":7,"value_min":250,"value_max":454,"unit":"mired"}]},
           {"type":"numeric","name":"linkquality","property":"linkquality","access":1,"category":"diagnostic"}]}}
        """;

    public const string Motion = """
        {"ieee_address":"0x0000000000000002","friendly_name":"living/motion","type":"EndDevice","supported":true,"disabled":false,"interview_state":"SUCCESSFUL",
         "definition":{"model":"RTCGQ11LM","vendor":"Aqara","exposes":[
           {"type":"binary","name":"occupancy","property":"occupancy","access":1,"value_on":true,"value_off":false},
           {"type":"numeric","name":"illuminance","property":"illuminance","access":1,"unit":"lx"},
           {"type":"numeric","name":"battery","property":"battery","access":1,"unit":"%","category":"diagnostic"}]}}
        """;

    public const string Plug = """
        {"ieee_address":"0x0000000000000003","friendly_name":"kitchen/washer plug","type":"Router","supported":true,"disabled":false,"interview_state":"SUCCESSFUL",
         "definition":{"model":"ZNCZ04LM","vendor":"Aqara","exposes":[{"type":"switch","features":[
           {"type":"binary","name":"state","property":"state","access":7,"value_on":"ON","value_off":"OFF","value_toggle":"TOGGLE"}]},
           {"type":"numeric","name":"power","property":"power","access":5,"unit":"W"},
           {"type":"numeric","name":"energy","property":"energy","access":5,"unit":"kWh"}]}}
        """;

    public static ZigbeeDevice Device(string json)
    {
        var result = BridgeDevicesParser.Parse(Encoding.UTF8.GetBytes($"[{json}]"));
        Assert.Empty(result.Errors);
        return result.Devices.Single();
    }

    /// <summary>The device's snapshot after the given state messages, one minute apart.</summary>
    public static DeviceSnapshot Replay(string deviceJson, params string[] states)
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Device(deviceJson));
        for (var i = 0; i < states.Length; i++)
        {
            Assert.True(DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(states[i]), out var values, out var error), error);
            snapshot = snapshot.Apply(snapshot.Diff(values), T0.AddMinutes(i), DateOnly.FromDateTime(T0.AddMinutes(i).UtcDateTime));
        }

        return snapshot;
    }

    /// <summary>A light switched on and off <paramref name="cycles"/> times, always at one brightness and colour temperature.</summary>
    public static DeviceSnapshot CtLightSwitched(int cycles, string extra = "") =>
        Replay(CtLight, Enumerable.Range(0, cycles * 2 + 1)
            .Select(i => $$"""{"state":"{{(i % 2 == 1 ? "ON" : "OFF")}}","brightness":200,"color_temp":370{{extra}}}""").ToArray());

    public static DeviceSnapshot MotionSeen(int times) =>
        Replay(Motion, Enumerable.Range(0, times * 2 + 1)
            .Select(i => $$"""{"occupancy":{{(i % 2 == 1 ? "true" : "false")}},"illuminance":{{10 + i}}}""").ToArray());

    public static DeviceSnapshot PlugRan(params int[] watts) =>
        Replay(Plug, watts.Select(w => $$"""{"state":"ON","power":{{w}}}""").ToArray());
}
