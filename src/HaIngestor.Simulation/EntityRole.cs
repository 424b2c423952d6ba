namespace HaIngestor.Simulation;

/// <summary>Which device property a Home Assistant entity of a simulated device stands for.</summary>
public enum EntityRole
{
    /// <summary><c>state</c> of a light or switch container: on / off.</summary>
    OnOff,

    /// <summary>Top-level numeric <c>power</c> (W).</summary>
    Power,

    /// <summary>Top-level numeric <c>energy</c> (kWh).</summary>
    Energy,

    /// <summary><c>state</c> of a cover container: open / closed.</summary>
    Cover,

    /// <summary><c>system_mode</c> of a climate container.</summary>
    ClimateMode,

    /// <summary>Top-level binary <c>occupancy</c>.</summary>
    Occupancy,

    /// <summary>Top-level numeric <c>illuminance</c> (lx).</summary>
    Illuminance,

    /// <summary>Top-level binary <c>contact</c> (value_on false: open is on).</summary>
    Contact,

    /// <summary>Top-level numeric <c>temperature</c> (°C).</summary>
    Temperature,

    /// <summary>Top-level numeric <c>humidity</c> (%).</summary>
    Humidity,

    /// <summary>Top-level enum <c>action</c> of a remote.</summary>
    Action,
}
