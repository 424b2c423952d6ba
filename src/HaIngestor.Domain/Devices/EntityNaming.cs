using System.Globalization;
using System.Text;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// How a Zigbee2MQTT device and its features are named as Home Assistant entities (ENTITY_MAPPING.md).
/// Shared with the simulation, which must produce the same entity ids.
/// </summary>
public static class EntityNaming
{
    /// <summary>
    /// FormD-normalise, drop non-spacing marks, lowercase invariant, turn every run of characters outside
    /// [a-z0-9] into one '_', trim '_'. May return the empty string.
    /// </summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var ch in Decompose(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(ch);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }

                pendingSeparator = false;
                builder.Append(c);
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The object-id base of a device: the slug of its friendly name, or its IEEE address without <c>0x</c> when that slug is empty.</summary>
    public static string DeviceSlug(string friendlyName, string ieeeAddress)
    {
        var slug = Slug(friendlyName);
        if (slug.Length > 0)
        {
            return slug;
        }

        var ieee = ieeeAddress.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? ieeeAddress[2..] : ieeeAddress;
        return Slug(ieee);
    }

    /// <summary>The area of a device: the slug of the friendly name before its first '/', or null.</summary>
    public static string? AreaOf(string friendlyName)
    {
        var slash = friendlyName.IndexOf('/');
        if (slash < 0)
        {
            return null;
        }

        var area = Slug(friendlyName[..slash]);
        return area.Length > 0 ? area : null;
    }

    /// <summary><c>domain.deviceSlug</c>, or <c>domain.deviceSlug_slug(suffix)</c> when a suffix is given.</summary>
    public static string EntityId(string domain, string deviceSlug, string? suffix)
    {
        var tail = suffix is null ? string.Empty : Slug(suffix);
        return tail.Length == 0 ? $"{domain}.{deviceSlug}" : $"{domain}.{deviceSlug}_{tail}";
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; they are outside [a-z0-9] and become separators anyway.
            return text;
        }
    }
}
