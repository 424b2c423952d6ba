namespace HaIngestor.Domain.Detection;

/// <summary>Entities of one area that people use together; the pattern's entities are sorted, states parallel.</summary>
/// <param name="Area">The area id (<c>area</c>).</param>
public sealed record RoomDetails(string Area) : PatternDetails;
