using System.Text;

namespace HaIngestor.Actors.Tests.Support;

/// <summary>A coordinator and one dimmable light, in the shape of a real <c>zigbee2mqtt/bridge/devices</c>.</summary>
public static class DeviceLists
{
    public const string LightIeee = "0xb43a311ae35f76c2";

    public static string Light(string friendlyName) => $$"""
        {"definition":{"description":"AOne 250W smart rotary dimmer module","exposes":[{"features":[
          {"access":7,"label":"State","name":"state","property":"state","type":"binary","value_off":"OFF","value_on":"ON","value_toggle":"TOGGLE"},
          {"access":7,"label":"Brightness","name":"brightness","property":"brightness","type":"numeric","value_max":254,"value_min":0}],"type":"light"}],
          "model":"AU-A1ZB2WDM","vendor":"Aurora Lighting","supports_ota":false},
         "disabled":false,"friendly_name":"{{friendlyName}}","ieee_address":"{{LightIeee}}","interview_completed":true,
         "interview_state":"SUCCESSFUL","interviewing":false,"network_address":56611,"supported":true,"type":"Router"}
        """;

    public const string Coordinator = """
        {"disabled":false,"friendly_name":"Coordinator","ieee_address":"0x00124b0029e3a1f0","interview_completed":true,
         "interview_state":"SUCCESSFUL","interviewing":false,"network_address":0,"supported":true,"type":"Coordinator"}
        """;

    public static byte[] With(string lightName) => Encoding.UTF8.GetBytes($"[{Coordinator},{Light(lightName)}]");

    public static byte[] State(string json) => Encoding.UTF8.GetBytes(json);
}
