using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Scheduling;

/// <summary>The kinds of analysis run and the detector group each one runs.</summary>
public static class RunKinds
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string OnDemand = "on-demand";

    /// <summary>On-demand runs do the daily work: group A.</summary>
    public static DetectorGroup GroupOf(string kind) => kind switch
    {
        Weekly => DetectorGroup.B,
        Monthly => DetectorGroup.C,
        _ => DetectorGroup.A,
    };
}
