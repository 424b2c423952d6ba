namespace HaIngestor.Daemon.Bench;

/// <summary>One extra measured or counted figure of a scenario, e.g. <c>features = 41230</c>.</summary>
public sealed record BenchFigure(string Name, double Value);
