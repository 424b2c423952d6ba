namespace HaIngestor.Simulation;

/// <summary>Who carries out a planted activity, which decides the HA context of its state changes.</summary>
public enum Actor
{
    /// <summary>A person: mostly physical (no context ids), sometimes through a HA UI (user_id).</summary>
    Person,

    /// <summary>A Home Assistant automation (parent_id set): never a human routine.</summary>
    Automation,
}
