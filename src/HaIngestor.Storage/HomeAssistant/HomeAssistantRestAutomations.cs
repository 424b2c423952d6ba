using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Storage.HomeAssistant;

/// <summary>
/// Lists Home Assistant's automations over its REST API: <c>GET /api/states</c> gives every <c>automation.*</c> entity
/// with its state (on = enabled) and its config <c>id</c> attribute, then <c>GET /api/config/automation/config/{id}</c>
/// gives each config. Automations without an id (YAML-only ones) and ids HA does not serve (404) are counted, not fetched.
/// HA down, a timeout or a refused token make the whole read unavailable with one clear reason; nothing here throws for them.
/// The entity and device registries (WebSocket API, <see cref="HomeAssistantRegistries"/>) are read too, so that
/// automations naming devices and areas can be resolved; without them those stay unresolved and a problem says why.
/// The token is only ever sent in the Authorization header, never written into a reason or problem.
/// </summary>
public sealed class HomeAssistantRestAutomations : IHaAutomationSource, IDisposable
{
    public const string SourceName = "rest";

    private readonly HttpClient http;
    private readonly Uri baseUrl;
    private readonly string token;

    /// <param name="baseUrl">HA's base URL, e.g. <c>http://homeassistant.local:8123</c>.</param>
    /// <param name="token">A long-lived access token.</param>
    /// <param name="timeout">For each request.</param>
    /// <param name="handler">The HTTP handler; a new socket handler when null.</param>
    public HomeAssistantRestAutomations(Uri baseUrl, string token, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        this.baseUrl = new Uri(baseUrl.ToString().TrimEnd('/') + "/");
        this.token = token;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = timeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<HaAutomationFetch> ReadAsync(CancellationToken cancellationToken = default)
    {
        var states = await GetAsync("api/states", cancellationToken);
        if (states.Failure is { } failure)
        {
            return HaAutomationFetch.Failed(SourceName, failure);
        }

        if (states.Body is not JsonArray entities)
        {
            return HaAutomationFetch.Failed(SourceName, $"{Url("api/states")} did not answer with a JSON list of states");
        }

        var entries = new List<HaAutomationEntry>();
        var problems = new List<string>();
        var unfetchable = 0;
        foreach (var entity in entities.OfType<JsonObject>())
        {
            if (Text(entity["entity_id"]) is not { } entityId || !entityId.StartsWith("automation.", StringComparison.Ordinal))
            {
                continue;
            }

            var enabled = Text(entity["state"]) == "on";
            if (IdOf(entity["attributes"]) is not { } id)
            {
                unfetchable++;
                problems.Add($"{entityId}: has no 'id' (defined in YAML without one), so its config cannot be fetched");
                continue;
            }

            var config = await GetAsync("api/config/automation/config/" + Uri.EscapeDataString(id), cancellationToken);
            if (config.Status == HttpStatusCode.NotFound)
            {
                unfetchable++;
                problems.Add($"{entityId}: Home Assistant has no editable config for id '{id}' (404)");
            }
            else if (config.Failure is { } error)
            {
                unfetchable++;
                problems.Add($"{entityId}: {error}");
            }
            else
            {
                entries.Add(new HaAutomationEntry(entityId, enabled, config.Body));
            }
        }

        var (registry, registryProblem) = await HomeAssistantRegistries.ReadAsync(baseUrl, token, http.Timeout, cancellationToken);
        if (registryProblem is not null)
        {
            problems.Add($"registries not read, devices and areas in automations stay unresolved: {registryProblem}");
        }

        return new HaAutomationFetch(SourceName, entries, unfetchable, problems, null, registry);
    }

    public void Dispose() => http.Dispose();

    private async Task<Answer> GetAsync(string path, CancellationToken cancellationToken)
    {
        var url = Url(path);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    return new Answer(response.StatusCode, null, $"Home Assistant refused the token ({(int)response.StatusCode} {response.ReasonPhrase}): check HomeAssistant:Token");
                case HttpStatusCode.NotFound:
                    return new Answer(response.StatusCode, null, $"{url} was not found (404)");
                case var status when !response.IsSuccessStatusCode:
                    return new Answer(status, null, $"{url} answered {(int)status} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new Answer(response.StatusCode, await JsonNode.ParseAsync(body, cancellationToken: cancellationToken), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(null, null, $"Home Assistant did not answer {url} within {http.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, null, $"Home Assistant at {baseUrl} is unreachable: {e.Message}");
        }
        catch (JsonException e)
        {
            return new Answer(null, null, $"{url} did not answer with JSON: {e.Message}");
        }
    }

    private Uri Url(string path) => new(baseUrl, path);

    /// <summary>HA writes the id as a string; a YAML author may have written a number.</summary>
    private static string? IdOf(JsonNode? attributes) =>
        attributes?["id"] switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private sealed record Answer(HttpStatusCode? Status, JsonNode? Body, string? Failure);
}
