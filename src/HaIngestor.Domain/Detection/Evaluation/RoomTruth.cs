namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>Entities of one area that planted activities use together; the entry's entities are sorted.</summary>
/// <param name="Area">Area id.</param>
public sealed record RoomTruth(string Area) : TruthDetails;
