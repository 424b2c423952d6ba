namespace HaIngestor.Domain.Devices;

/// <summary>A feature a device has and nobody uses, and the automation that would put it to work.</summary>
public enum FeatureOpportunityKind
{
    /// <summary>A colour-temperature light always at one colour temperature: warm in the evening, cool by day.</summary>
    AdaptiveColourTemperature,

    /// <summary>A light always at one brightness: dim it when it is turned on at night.</summary>
    NightDimming,

    /// <summary>A motion sensor that also measures light: turn the area's lights on at motion only when it is dark.</summary>
    DarkOnlyMotionLighting,

    /// <summary>A plug that measures power and has run an appliance: tell when the appliance has finished.</summary>
    ApplianceFinished,
}
