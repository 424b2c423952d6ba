namespace HaIngestor.Simulation;

/// <summary>How a noise source acts.</summary>
public enum NoiseShape
{
    /// <summary>The first state, then the second after a random hold time.</summary>
    Session,

    /// <summary>One of the states, picked at random (a button press).</summary>
    Press,
}
