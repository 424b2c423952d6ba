namespace HaIngestor.Domain.Devices;

/// <summary>
/// Zigbee2MQTT access bits: 1 = published in the device's state, 2 = settable through
/// <c>zigbee2mqtt/&lt;name&gt;/set</c>, 4 = readable through <c>/get</c>.
/// </summary>
public readonly record struct FeatureAccess(bool State, bool Set, bool Get)
{
    public static FeatureAccess FromBits(int bits) => new((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);

    public int Bits => (State ? 1 : 0) | (Set ? 2 : 0) | (Get ? 4 : 0);
}
