using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Storage.HomeAssistant;

/// <summary>
/// Reads Home Assistant's entity and device registries over its WebSocket API (<c>/api/websocket</c>), which is the
/// only place HA serves them: <c>auth_required</c> → <c>auth</c> with the token → <c>auth_ok</c>, then the commands
/// <c>config/entity_registry/list</c> and <c>config/device_registry/list</c>. Never throws for HA being unreachable,
/// refusing the token or answering oddly: it returns the reason instead. The token is only ever sent in the auth message.
/// </summary>
public static class HomeAssistantRegistries
{
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    public static async Task<(HaRegistry? Registry, string? Problem)> ReadAsync(Uri baseUrl, string token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(new Uri(baseUrl, "api/websocket")) { Scheme = baseUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, deadline.Token);
            if (Type(await ReceiveAsync(socket, deadline.Token)) != "auth_required")
            {
                return (null, $"{url} did not ask for authentication");
            }

            await SendAsync(socket, new JsonObject { ["type"] = "auth", ["access_token"] = token }, deadline.Token);
            var auth = await ReceiveAsync(socket, deadline.Token);
            if (Type(auth) != "auth_ok")
            {
                return (null, $"Home Assistant's WebSocket API refused the token ({Type(auth) ?? "no answer"}): check HomeAssistant:Token");
            }

            var entities = await CommandAsync(socket, 1, "config/entity_registry/list", deadline.Token);
            var devices = await CommandAsync(socket, 2, "config/device_registry/list", deadline.Token);
            await CloseAsync(socket);
            return (entities.Problem ?? devices.Problem) is { } problem
                ? (null, problem)
                : (HaRegistry.From(entities.Result, devices.Result), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"Home Assistant's WebSocket API at {url} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is WebSocketException or JsonException or InvalidDataException)
        {
            return (null, $"Home Assistant's WebSocket API at {url} failed: {e.Message}");
        }
    }

    private static async Task<(JsonNode? Result, string? Problem)> CommandAsync(ClientWebSocket socket, int id, string type, CancellationToken cancellationToken)
    {
        await SendAsync(socket, new JsonObject { ["id"] = id, ["type"] = type }, cancellationToken);
        while (true)
        {
            var message = await ReceiveAsync(socket, cancellationToken);
            if (message?["id"] is not JsonValue answerId || answerId.GetValueKind() != JsonValueKind.Number || answerId.ToJsonString() != id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                // Events and other answers are not for this command.
                continue;
            }

            return message["success"] is JsonValue success && success.GetValueKind() == JsonValueKind.True
                ? (message["result"], null)
                : (null, $"{type} failed: {message["error"]?["message"]?.ToString() ?? "no reason given"}");
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>One whole text message (HA splits large ones into frames); a close from HA ends the conversation.</summary>
    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"Home Assistant closed the connection ({received.CloseStatusDescription ?? received.CloseStatus?.ToString() ?? "no reason"})");
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new InvalidDataException($"a message is larger than {MaxMessageBytes / (1024 * 1024)} MiB");
            }

            if (received.EndOfMessage)
            {
                message.Position = 0;
                return await JsonNode.ParseAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", quick.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The registries are read; a connection that does not close politely costs nothing.
        }
    }

    private static string? Type(JsonNode? message) =>
        message?["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String ? type.GetValue<string>() : null;
}
