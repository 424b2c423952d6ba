using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using HaIngestor.Actors;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Daemon.Api;

/// <summary>The REST API: thin endpoints that ask the actor tree and write the Domain's JSON forms.</summary>
public static class HaIngestorApi
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void MapHaIngestorApi(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<ApiAuthentication>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && !auth.IsAuthorized(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(context);
        });

        app.MapGet("/healthz", async (IRequiredActor<HaIngestorGuardian> guardian, CancellationToken ct) =>
        {
            var status = await guardian.ActorRef.Ask<HaIngestorStatus>(GetStatus.Instance, AskTimeout, ct);
            return Results.Json(new { status = "ok", detail = status }, SnakeCase);
        });

        app.MapGet("/api/suggestions/list", async (IRequiredActor<HaIngestorGuardian> guardian, HttpResponse response, CancellationToken ct) =>
        {
            var view = await guardian.ActorRef.Ask<SuggestionsView>(GetSuggestions.Instance, AskTimeout, ct);
            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                WriteRun(writer, view.LastRun);
                writer.WriteStartArray("suggestions");
                foreach (var suggestion in view.Suggestions)
                {
                    SuggestionJson.Write(writer, suggestion);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }, ct);
        });

        app.MapGet("/api/patterns/list", async (IRequiredActor<HaIngestorGuardian> guardian, HttpResponse response, CancellationToken ct) =>
        {
            var view = await guardian.ActorRef.Ask<PatternsView>(GetPatterns.Instance, AskTimeout, ct);
            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                WriteRun(writer, view.LastRun);
                writer.WriteStartArray("patterns");
                foreach (var pattern in view.Patterns)
                {
                    PatternJson.Write(writer, pattern);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }, ct);
        });

        app.MapGet("/api/jobs", async (IRequiredActor<HaIngestorGuardian> guardian, HttpResponse response, CancellationToken ct) =>
        {
            var history = await guardian.ActorRef.Ask<RunHistory>(GetRunHistory.Instance, AskTimeout, ct);
            await WriteJson(response, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("runs");
                foreach (var run in history.Runs)
                {
                    AnalysisRunReportJson.Write(writer, run);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }, ct);
        });

        app.MapGet("/api/devices", async (IRequiredActor<HaIngestorGuardian> guardian, CancellationToken ct) =>
        {
            var devices = await guardian.ActorRef.Ask<DevicesView>(GetDevices.Instance, AskTimeout, ct);
            return Results.Json(new { devices = devices.Devices }, SnakeCase);
        });

        app.MapDeviceEndpoints();
        app.MapPost("/api/analysis/run", RunAnalysis);
        app.MapPost("/api/suggestions/generate", RunAnalysis);
    }

    private static async Task<IResult> RunAnalysis(IRequiredActor<HaIngestorGuardian> guardian, CancellationToken ct)
    {
        var reply = await guardian.ActorRef.Ask<object>(new RunAnalysisNow("rest"), AskTimeout, ct);
        return reply switch
        {
            AnalysisRunAccepted accepted => Results.Json(new { run_id = accepted.RunId }, statusCode: StatusCodes.Status202Accepted),
            AnalysisRunRejected rejected => Results.Json(new { error = rejected.Reason }, statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem("unexpected reply from the scheduler"),
        };
    }

    private static void WriteRun(Utf8JsonWriter writer, AnalysisRunReport? run)
    {
        writer.WritePropertyName("run");
        if (run is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            AnalysisRunReportJson.Write(writer, run);
        }
    }

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
