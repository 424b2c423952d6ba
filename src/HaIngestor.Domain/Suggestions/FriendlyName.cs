using System.Globalization;

namespace HaIngestor.Domain.Suggestions;

/// <summary>A readable name from an entity id when HA's friendly name is not at hand: <c>light.kitchen_light</c> → Kitchen Light.</summary>
public static class FriendlyName
{
    public static string FromEntityId(string entityId)
    {
        var objectId = entityId[(entityId.IndexOf('.') + 1)..];
        var words = objectId.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return entityId;
        }

        return string.Join(' ', words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
    }
}
