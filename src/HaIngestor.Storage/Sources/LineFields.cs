using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>The fields of one events.jsonl line as read, before the checks that make them a <see cref="StateChange"/>.</summary>
internal struct LineFields
{
    public DateTimeOffset? Time;
    public string? EntityId;
    public string? State;
    public string? OldState;
    public string? Area;
    public string? UserId;
    public string? ParentId;
    public Origin? Origin;
}
