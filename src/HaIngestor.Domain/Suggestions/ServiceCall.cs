namespace HaIngestor.Domain.Suggestions;

/// <summary>The Home Assistant action that puts an entity into a state, and how to say it in words.</summary>
/// <param name="Action">The HA action, <c>domain.service</c> (e.g. <c>light.turn_on</c>).</param>
/// <param name="Phrase">What it does, with <c>{0}</c> for the entity's name (e.g. <c>Turn on {0}</c>).</param>
/// <param name="Observed">What a person was seen doing, with <c>{0}</c> for the name (e.g. <c>{0} was turned on</c>).</param>
/// <param name="Data">The action's data fields, in order; empty when it needs none.</param>
public sealed record ServiceCall(string Action, string Phrase, string Observed, IReadOnlyList<KeyValuePair<string, string>> Data)
{
    /// <summary>The domain part of <see cref="Action"/>.</summary>
    public string Domain => Action[..Action.IndexOf('.')];

    /// <summary>The action and its data as one text, for telling calls apart.</summary>
    public string Key => Data.Count == 0 ? Action : Action + "?" + string.Join('&', Data.Select(d => d.Key + "=" + d.Value));
}
