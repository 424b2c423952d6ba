namespace HaIngestor.Domain.Devices;

/// <summary>The classification of a feature that utilisation and suggestions work with.</summary>
public enum FeatureRole
{
    /// <summary>Settable and not a setting: something a person operates (a light's state, a setpoint).</summary>
    Controllable,

    /// <summary>Only reported: a sensor reading, an action.</summary>
    Observable,

    /// <summary>Category <c>config</c>: a device setting.</summary>
    Configuration,

    /// <summary>Category <c>diagnostic</c>: battery, link quality, firmware details.</summary>
    Diagnostic,
}
