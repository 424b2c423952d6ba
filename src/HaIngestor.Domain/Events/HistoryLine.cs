using System.Text.Json;

namespace HaIngestor.Domain.Events;

/// <summary>One line of imported Home Assistant history: the state change and the entity's attributes after it.</summary>
/// <param name="Change">The state change as the L1 store keeps it.</param>
/// <param name="Attributes">The line's <c>attributes</c> object, member by member (cloned, safe to keep); empty when absent.</param>
public sealed record HistoryLine(StateChange Change, IReadOnlyDictionary<string, JsonElement> Attributes);
