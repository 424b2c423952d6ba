using System.Globalization;
using System.Text;

namespace HaIngestor.Simulation;

/// <summary>
/// The slug and area rules of ENTITY_MAPPING.md, kept private to the simulation so that simulated history and
/// live MQTT traffic produce the same entity ids as the device parser.
/// </summary>
internal static class SimulationNaming
{
    public static string Slug(string friendlyName, string ieeeAddress)
    {
        var decomposed = friendlyName.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }

                pendingSeparator = false;
                builder.Append(lower);
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return builder.Length > 0 ? builder.ToString() : ieeeAddress.StartsWith("0x", StringComparison.Ordinal) ? ieeeAddress[2..] : ieeeAddress;
    }

    public static string? AreaOf(string friendlyName, string ieeeAddress)
    {
        var slash = friendlyName.IndexOf('/');
        return slash < 0 ? null : Slug(friendlyName[..slash], ieeeAddress);
    }
}
