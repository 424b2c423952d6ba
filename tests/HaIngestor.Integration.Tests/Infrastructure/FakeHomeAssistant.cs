using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using HaIngestor.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaIngestor.Integration.Tests.Infrastructure;

/// <summary>
/// Home Assistant's REST API as far as reading automations goes, on a loopback port: bearer token checked on every
/// request (401 <c>401: Unauthorized</c> as HA answers without a valid one), <c>GET /api/states</c> with automation
/// entities shaped like HA's, <c>GET /api/config/automation/config/{id}</c> with each editable config and HA's 404
/// body for ids it does not hold (YAML-only automations, packages); and the WebSocket API at <c>/api/websocket</c>
/// with HA's auth handshake (<c>auth_required</c>, <c>auth</c>, <c>auth_ok</c> or <c>auth_invalid</c> and close) and the
/// registry list commands.
/// </summary>
public sealed class FakeHomeAssistant : IAsyncDisposable
{
    public const string Token = "fake-long-lived-token-6b1f0c";

    private readonly WebApplication app;
    private readonly List<JsonObject> states = [];
    private readonly Dictionary<string, JsonObject> configs = new(StringComparer.Ordinal);

    private FakeHomeAssistant(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Every request's method and path, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How long every answer is held back (a hung HA).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>What <c>config/entity_registry/list</c> answers.</summary>
    public JsonArray EntityRegistry { get; set; } = [];

    /// <summary>What <c>config/device_registry/list</c> answers.</summary>
    public JsonArray DeviceRegistry { get; set; } = [];

    public static async Task<FakeHomeAssistant> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Find()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeHomeAssistant(app, url);
        app.Use(fake.AuthenticateAsync);
        app.UseWebSockets();
        app.Map("/api/websocket", fake.WebSocketAsync);
        app.MapGet("/api/", () => Results.Json(new { message = "API running." }));
        app.MapGet("/api/states", () => Results.Content(new JsonArray(fake.states.Select(s => (JsonNode)s.DeepClone()).ToArray()).ToJsonString(), "application/json"));
        app.MapGet("/api/config/automation/config/{id}", (string id) =>
            fake.configs.TryGetValue(id, out var config)
                ? Results.Content(config.ToJsonString(), "application/json")
                : Results.Json(new { message = "Resource not found" }, statusCode: StatusCodes.Status404NotFound));
        await app.StartAsync();
        return fake;
    }

    /// <summary>An automation HA edits through its UI: an entity with an <c>id</c> attribute and a config behind it.</summary>
    public void AddAutomation(string entityId, bool on, string configJson)
    {
        var config = JsonNode.Parse(configJson)!.AsObject();
        var id = (string)config["id"]!;
        configs[id] = config;
        states.Add(State(entityId, on ? "on" : "off", new JsonObject
        {
            ["id"] = id,
            ["last_triggered"] = "2025-04-01T19:02:11.123456+00:00",
            ["mode"] = (string?)config["mode"] ?? "single",
            ["current"] = 0,
            ["friendly_name"] = (string?)config["alias"],
        }));
    }

    /// <summary>An automation defined in YAML without an id: HA has its entity but no config to give.</summary>
    public void AddYamlOnlyAutomation(string entityId) =>
        states.Add(State(entityId, "on", new JsonObject { ["last_triggered"] = null, ["mode"] = "single", ["current"] = 0, ["friendly_name"] = entityId }));

    /// <summary>An automation entity whose id HA does not serve (it lives in a package file).</summary>
    public void AddPackageAutomation(string entityId, string id) =>
        states.Add(State(entityId, "on", new JsonObject { ["id"] = id, ["mode"] = "single", ["current"] = 0, ["friendly_name"] = entityId }));

    public void AddEntity(string entityId, string state, JsonObject? attributes = null) => states.Add(State(entityId, state, attributes ?? []));

    /// <summary>Turns an automation on or off, as its toggle in HA's UI does.</summary>
    public void SetState(string entityId, string state) => states.Single(s => (string?)s["entity_id"] == entityId)["state"] = state;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        // The WebSocket API authenticates inside the conversation, not with a header.
        if (context.Request.Path != "/api/websocket" && context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("401: Unauthorized");
            return;
        }

        await next(context);
    }

    private async Task WebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await SendAsync(socket, new JsonObject { ["type"] = "auth_required", ["ha_version"] = "2025.4.1" });
        var auth = await ReceiveAsync(socket);
        if ((string?)auth?["type"] != "auth" || (string?)auth["access_token"] != Token)
        {
            await SendAsync(socket, new JsonObject { ["type"] = "auth_invalid", ["message"] = "Invalid access token or password" });
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth_invalid", CancellationToken.None);
            return;
        }

        await SendAsync(socket, new JsonObject { ["type"] = "auth_ok", ["ha_version"] = "2025.4.1" });
        while (await ReceiveAsync(socket) is JsonObject command)
        {
            JsonNode? result = (string?)command["type"] switch
            {
                "config/entity_registry/list" => EntityRegistry.DeepClone(),
                "config/device_registry/list" => DeviceRegistry.DeepClone(),
                _ => null,
            };
            await SendAsync(socket, result is null
                ? new JsonObject { ["id"] = command["id"]?.DeepClone(), ["type"] = "result", ["success"] = false, ["error"] = new JsonObject { ["code"] = "unknown_command", ["message"] = "Unknown command." } }
                : new JsonObject { ["id"] = command["id"]?.DeepClone(), ["type"] = "result", ["success"] = true, ["result"] = result });
        }
    }

    /// <summary>Sent in small frames, as a large answer from HA arrives.</summary>
    private static async Task SendAsync(WebSocket socket, JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        for (var offset = 0; offset < bytes.Length; offset += 512)
        {
            var count = Math.Min(512, bytes.Length - offset);
            await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, CancellationToken.None);
        }
    }

    private static async Task<JsonNode?> ReceiveAsync(WebSocket socket)
    {
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }

    private static JsonObject State(string entityId, string state, JsonObject attributes) => new()
    {
        ["entity_id"] = entityId,
        ["state"] = state,
        ["attributes"] = attributes,
        ["last_changed"] = "2025-04-01T06:00:00.000000+00:00",
        ["last_reported"] = "2025-04-01T06:00:00.000000+00:00",
        ["last_updated"] = "2025-04-01T06:00:00.000000+00:00",
        ["context"] = new JsonObject { ["id"] = "01JQ8V6W3C5Y2M7K9T4R1B0N6E", ["parent_id"] = null, ["user_id"] = null },
    };
}
