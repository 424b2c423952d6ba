namespace HaIngestor.Simulation;

/// <summary>The kinds of Zigbee device the simulated home is built from.</summary>
public enum DeviceKind
{
    /// <summary>A light with state, brightness and colour temperature.</summary>
    Light,

    /// <summary>A smart plug with state, power and energy.</summary>
    Plug,

    /// <summary>A roller blind with state and position.</summary>
    Cover,

    /// <summary>A radiator thermostat (climate container).</summary>
    Thermostat,

    /// <summary>An occupancy sensor with illuminance.</summary>
    MotionSensor,

    /// <summary>A door or window contact.</summary>
    ContactSensor,

    /// <summary>A temperature and humidity sensor.</summary>
    ClimateSensor,

    /// <summary>A battery remote publishing <c>action</c>.</summary>
    Remote,
}
