using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Phase 5 with Home Assistant's own automations at hand: already-automated behaviour is never suggested.
/// <list type="bullet">
/// <item>Dark-only motion lighting is not suggested when an enabled automation already uses the sensor's illuminance as a condition.</item>
/// <item>Appliance-finished is not suggested when an enabled automation is already triggered by the plug's power.</item>
/// <item>No suggestion is made that an enabled automation already covers: the same trigger (entity, or time of day within
/// half an hour) and the same action target (see <see cref="HaAutomationCatalog.Covering"/>).</item>
/// </list>
/// An opportunity that is still suggested says what no HA automation does, which is true because it was checked.
/// </summary>
public static class AlreadyAutomated
{
    /// <summary>The best <paramref name="top"/> suggestions that no enabled automation of <paramref name="automations"/> already covers.</summary>
    public static CheckedSuggestions Build(
        IReadOnlyList<Pattern> patterns,
        IReadOnlyList<FeatureOpportunity> opportunities,
        HomeProfile home,
        int top,
        HaAutomationCatalog automations)
    {
        var dropped = new List<AutomatedSuggestion>();
        var kept = new List<FeatureOpportunity>();
        foreach (var opportunity in opportunities)
        {
            if (Covered(opportunity, automations) is { } covered)
            {
                dropped.Add(covered);
            }
            else
            {
                kept.Add(opportunity with { Observed = opportunity.Observed + Unautomated(opportunity) + Caveat(automations) });
            }
        }

        var suggestions = new List<Suggestion>();
        foreach (var suggestion in SuggestionEngine.Build(patterns, kept, home, int.MaxValue))
        {
            var proposal = AutomationConfigReader.Read(new HaAutomationEntry(null, true, suggestion.Automation), new List<string>());
            if (proposal is not null && automations.Covering(proposal) is { } existing)
            {
                dropped.Add(new AutomatedSuggestion(suggestion.Title, existing.Alias, $"'{existing.Alias}' already acts on {Targets(proposal)} when {Trigger(proposal)}"));
            }
            else if (suggestions.Count < top)
            {
                suggestions.Add(suggestion);
            }
        }

        return new CheckedSuggestions(suggestions, dropped);
    }

    private static AutomatedSuggestion? Covered(FeatureOpportunity o, HaAutomationCatalog automations)
    {
        switch (o.Kind)
        {
            case FeatureOpportunityKind.DarkOnlyMotionLighting
                when o.Entities.GetValueOrDefault(FeatureOpportunity.IlluminanceRole) is { } illuminance
                     && automations.UsingAsCondition(illuminance) is { } existing:
                return new AutomatedSuggestion(Title(o), existing.Alias, $"'{existing.Alias}' already uses {illuminance} as a condition");
            case FeatureOpportunityKind.ApplianceFinished
                when o.Entities.GetValueOrDefault(FeatureOpportunity.PowerRole) is { } power
                     && automations.UsingAsTrigger(power) is { } existing:
                return new AutomatedSuggestion(Title(o), existing.Alias, $"'{existing.Alias}' is already triggered by {power}");
            default:
                return null;
        }
    }

    /// <summary>The clause appended to what was observed; each says exactly what was checked.</summary>
    private static string Unautomated(FeatureOpportunity o) => o.Kind switch
    {
        FeatureOpportunityKind.DarkOnlyMotionLighting when o.Entities.GetValueOrDefault(FeatureOpportunity.IlluminanceRole) is { } illuminance =>
            $", and no enabled Home Assistant automation uses {illuminance} as a condition",
        FeatureOpportunityKind.ApplianceFinished when o.Entities.GetValueOrDefault(FeatureOpportunity.PowerRole) is { } power =>
            $", and no enabled Home Assistant automation is triggered by {power}",
        FeatureOpportunityKind.AdaptiveColourTemperature or FeatureOpportunityKind.NightDimming
            when o.Entities.GetValueOrDefault(FeatureOpportunity.LightRole) is { } light =>
            $", and no enabled Home Assistant automation turns {light} on when it is turned on",
        _ => "",
    };

    /// <summary>The claim holds only for what could be resolved; say how many automations it does not cover.</summary>
    private static string Caveat(HaAutomationCatalog automations)
    {
        var unread = automations.Unfetched + automations.Skipped;
        var parts = new List<string>();
        if (unread > 0)
        {
            parts.Add(unread == 1 ? "1 automation whose config could not be read" : $"{unread} automations whose config could not be read");
        }

        if (automations.EnabledWithUnresolved is var n and > 0)
        {
            parts.Add(n == 1
                ? "1 enabled automation that names devices, areas or a blueprint not resolved to entities"
                : $"{n} enabled automations that name devices, areas or blueprints not resolved to entities");
        }

        return parts.Count == 0 ? "" : $" (not checked: {string.Join("; ", parts)})";
    }

    /// <summary>The title the opportunity's suggestion would have had.</summary>
    private static string Title(FeatureOpportunity o) => OpportunitySuggestionBuilder.Build(o)?.Title ?? $"{o.Kind} for {o.FriendlyName}";

    private static string Targets(HaAutomation proposal) => string.Join(", ", proposal.TargetEntities.Distinct(StringComparer.Ordinal));

    private static string Trigger(HaAutomation proposal) =>
        proposal.Triggers.Count > 0
            ? string.Join(" or ", proposal.Triggers.Select(t => t.EntityId).Distinct(StringComparer.Ordinal)) + " changes"
            : "it is " + string.Join(" or ", proposal.TriggerTimes.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
}
