using System.Text.RegularExpressions;

namespace HaIngestor.Domain.HomeAssistant;

/// <summary>
/// The entities a Jinja template reads, as far as they can be seen without rendering it:
/// <c>states('x.y')</c>, <c>is_state('x.y', …)</c>, <c>state_attr('x.y', 'attr')</c>, <c>is_state_attr</c>,
/// <c>has_value</c>, <c>expand</c> and <c>states.x.y</c>. Entity ids built at render time stay unseen.
/// </summary>
public static partial class TemplateEntities
{
    public static IReadOnlyList<EntityReference> Of(string template)
    {
        var found = new List<EntityReference>();
        foreach (Match m in Attribute().Matches(template))
        {
            found.Add(new EntityReference(m.Groups["entity"].Value, m.Groups["attribute"].Value));
        }

        foreach (Match m in Call().Matches(template))
        {
            found.Add(new EntityReference(m.Groups["entity"].Value));
        }

        foreach (Match m in StatesObject().Matches(template))
        {
            var attribute = m.Groups["attribute"].Success ? m.Groups["attribute"].Value : null;
            found.Add(new EntityReference(m.Groups["domain"].Value + "." + m.Groups["object"].Value, attribute));
        }

        return found.Distinct().ToList();
    }

    /// <summary>Whether <paramref name="text"/> is a template rather than a literal.</summary>
    public static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    [GeneratedRegex("""\b(?:state_attr|is_state_attr)\(\s*['"](?<entity>[a-z0-9_]+\.[a-z0-9_]+)['"]\s*,\s*['"](?<attribute>[^'"]+)['"]""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""\b(?:states|is_state|has_value|expand)\(\s*['"](?<entity>[a-z0-9_]+\.[a-z0-9_]+)['"]""")]
    private static partial Regex Call();

    [GeneratedRegex("""\bstates\.(?<domain>[a-z0-9_]+)\.(?<object>[a-z0-9_]+)(?:\.attributes\.(?<attribute>[a-z0-9_]+))?""")]
    private static partial Regex StatesObject();
}
