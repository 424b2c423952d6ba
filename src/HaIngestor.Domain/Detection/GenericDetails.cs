using System.Text.Json.Nodes;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The details of a pattern type this build has no record for: the fields beyond the common ones, kept
/// as JSON so that reading and writing such a pattern loses nothing.
/// </summary>
/// <param name="Fields">The type-specific fields, by their JSON names.</param>
public sealed record GenericDetails(JsonObject Fields) : PatternDetails
{
    public bool Equals(GenericDetails? other) => other is not null && JsonNode.DeepEquals(Fields, other.Fields);

    public override int GetHashCode() => Fields.Count;
}
