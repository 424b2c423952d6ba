using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using HaIngestor.Actors;
using HaIngestor.Actors.Protocol;
using HaIngestor.Daemon.Configuration;
using Microsoft.Extensions.Options;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Daemon.Api;

/// <summary>
/// <c>GET /api/devices/{ieee}/capabilities</c> (the device's features and their classification),
/// <c>GET /api/devices/{ieee}/usage</c> (usage per property, by origin, and utilisation ever and over the analysis window) and <c>GET /api/devices/changes</c>
/// (the device-list change history). An ieee address not in the latest device list is a 404.
/// </summary>
public static class DeviceEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static void MapDeviceEndpoints(this WebApplication app)
    {
        app.MapGet("/api/devices/changes", async (IRequiredActor<HaIngestorGuardian> guardian, HttpResponse response, CancellationToken ct) =>
        {
            var view = await guardian.ActorRef.Ask<DeviceChangesView>(GetDeviceChanges.Instance, AskTimeout, ct);
            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("changes");
                foreach (var change in view.Changes)
                {
                    DeviceListChangeJson.Write(writer, change);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }, ct);
        });

        app.MapGet("/api/devices/{ieee}/capabilities", async (string ieee, IRequiredActor<HaIngestorGuardian> guardian, HttpResponse response, CancellationToken ct) =>
        {
            if (await Find(guardian, ieee, ct) is not { } found)
            {
                return NotFound(ieee);
            }

            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                DeviceJson.WriteIdentity(writer, found.Device);
                writer.WriteStartObject("classification");
                foreach (var role in Enum.GetValues<FeatureRole>())
                {
                    writer.WriteNumber(DeviceJson.RoleName(role), found.Device.Features.Count(f => f.Role == role));
                }

                writer.WriteEndObject();
                DeviceJson.WriteFeatures(writer, found.Device);
                writer.WriteEndObject();
            }, ct);
            return Results.Empty;
        });

        app.MapGet("/api/devices/{ieee}/usage", async (
            string ieee, IRequiredActor<HaIngestorGuardian> guardian, IOptions<HaIngestorOptions> options, TimeProvider time, HttpResponse response, CancellationToken ct) =>
        {
            if (await Find(guardian, ieee, ct) is not { } found)
            {
                return NotFound(ieee);
            }

            // The daily run's window: the last WindowDays whole local days and today so far.
            var today = options.Value.ToHomeProfile().Calendar.LocalDate(time.GetUtcNow());
            var window = new UsageWindow(today.AddDays(-options.Value.Analysis.WindowDays), today.AddDays(1));

            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("ieee_address", found.Device.IeeeAddress);
                writer.WriteString("friendly_name", found.Device.FriendlyName);
                if (found.Availability is null)
                {
                    writer.WriteNull("availability");
                }
                else
                {
                    writer.WriteString("availability", found.Availability);
                }

                writer.WriteNumber("state_changes", found.StateChanges);
                writer.WritePropertyName("usage");
                DeviceJson.WriteUsage(writer, found.Snapshot, window);
                writer.WriteEndObject();
            }, ct);
            return Results.Empty;
        });
    }

    private static async Task<DeviceUsage?> Find(IRequiredActor<HaIngestorGuardian> guardian, string ieee, CancellationToken ct)
    {
        var view = await guardian.ActorRef.Ask<DeviceUsageView>(new GetDeviceUsage(ieee), AskTimeout, ct);
        return view.Devices.FirstOrDefault();
    }

    private static IResult NotFound(string ieee) =>
        Results.Json(new { error = $"no device {ieee} in the latest device list" }, statusCode: StatusCodes.Status404NotFound);

    private static async Task WriteJson(HttpResponse response, Action<Utf8JsonWriter> write, CancellationToken ct)
    {
        response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            write(writer);
        }

        await response.BodyWriter.FlushAsync(ct);
    }
}
