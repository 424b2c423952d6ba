using System.Globalization;

namespace HaIngestor.Simulation;

/// <summary>
/// Number formatting shared by the history and the live payloads, so that a sensor's HA state is exactly the
/// JSON number text Zigbee2MQTT publishes (shortest round-trip, invariant culture).
/// </summary>
internal static class SimulatedValues
{
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
