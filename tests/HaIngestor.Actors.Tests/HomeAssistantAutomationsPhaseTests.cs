using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Tests;

/// <summary>
/// Phases 4 and 5 with Home Assistant's own automations: what an enabled HA automation already does is not suggested,
/// and the report says whether HA's automations were checked.
/// </summary>
public sealed class HomeAssistantAutomationsPhaseTests() : TestKit(TestConfig.InMemoryPersistence)
{
    private const string MotionTitle = "Turn on the lights at motion near living/motion only when it is dark";

    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    private const string Motion = """
        {"ieee_address":"0x00158d0001e5a7b2","friendly_name":"living/motion","type":"EndDevice","supported":true,"disabled":false,"interview_state":"SUCCESSFUL",
         "definition":{"model":"RTCGQ11LM","vendor":"Aqara","description":"Aqara human body movement and illuminance sensor","exposes":[
           {"type":"binary","name":"occupancy","property":"occupancy","access":1,"value_on":true,"value_off":false},
           {"type":"numeric","name":"illuminance","property":"illuminance","access":1,"unit":"lx"},
           {"type":"numeric","name":"battery","property":"battery","access":1,"unit":"%","category":"diagnostic"}]}}
        """;

    private const string IlluminanceCondition = """
        {"id":"1718030112345","alias":"Living room motion light","mode":"restart",
         "triggers":[{"trigger":"state","entity_id":"binary_sensor.living_motion_occupancy","to":"on"}],
         "conditions":[{"condition":"numeric_state","entity_id":"sensor.living_motion_illuminance","below":40}],
         "actions":[{"action":"light.turn_on","target":{"entity_id":"light.living_ceiling"}}]}
        """;

    private const string Unrelated = """
        {"id":"kitchen_morning","alias":"Kitchen in the morning",
         "trigger":[{"platform":"time","at":"06:45:00"}],
         "action":[{"service":"light.turn_on","entity_id":"light.kitchen"}]}
        """;

    private (AnalysisRunReport Report, PublishAnalysis Published) Run(FixedAutomationSource? source, AnalysisSettings? settings = null)
    {
        var manager = Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), CreateTestProbe(), "zigbee2mqtt", "ha-ai", 10, new ManualTimeProvider(T0)));
        manager.Tell(new DeviceListReceived(Encoding.UTF8.GetBytes($"[{DeviceLists.Coordinator},{DeviceLists.Light("living/ceiling")},{Motion}]")));
        for (var i = 0; i < 9; i++)
        {
            manager.Tell(new DeviceStateReceived("living/motion", DeviceLists.State($$"""{"occupancy":{{(i % 2 == 1 ? "true" : "false")}},"illuminance":{{12 + i}}}"""), T0.AddMinutes(i)));
        }

        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("r-ha", "on-demand", "test", T0.AddDays(-7), T0.AddHours(1));
        Sys.ActorOf(AnalysisRunActor.Props(
            request, settings ?? new AnalysisSettings(), HomeProfile.ForTimeZone("UTC"), new InMemoryEventStore(), manager, suggestions, [],
            new ManualTimeProvider(T0.AddHours(1)), TestActor, null, source));

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        return (report, suggestions.ExpectMsg<PublishAnalysis>());
    }

    [Fact]
    public void An_HA_automation_already_using_the_illuminance_as_condition_stops_the_motion_light_suggestion()
    {
        var (report, published) = Run(FixedAutomationSource.With(IlluminanceCondition, Unrelated));

        Assert.Equal(AnalysisRunStatus.Completed, report.Status);
        Assert.DoesNotContain(published.Suggestions, s => s.Title == MotionTitle);
        Assert.Equal(new HomeAssistantCheck(true, "rest", 2, 2, 0, 1, null), report.HomeAssistant);
        Assert.Equal(0, report.SuggestionCount);
    }

    [Fact]
    public void Without_such_an_automation_the_motion_light_is_suggested_and_says_none_uses_the_illuminance()
    {
        var (report, published) = Run(FixedAutomationSource.With(Unrelated));

        var motion = Assert.Single(published.Suggestions, s => s.Title == MotionTitle);
        Assert.Contains("no enabled Home Assistant automation uses sensor.living_motion_illuminance as a condition", motion.Description);
        Assert.Equal(new HomeAssistantCheck(true, "rest", 1, 1, 0, 0, null), report.HomeAssistant);
    }

    [Fact]
    public void Unreachable_HA_keeps_todays_suggestions_and_the_report_says_automations_were_not_checked()
    {
        var (report, published) = Run(FixedAutomationSource.Unreachable("Home Assistant at http://127.0.0.1:1/ is unreachable: Connection refused"));

        Assert.Equal(AnalysisRunStatus.Completed, report.Status);
        var motion = Assert.Single(published.Suggestions, s => s.Title == MotionTitle);
        Assert.DoesNotContain("Home Assistant automation", motion.Description);
        Assert.False(report.HomeAssistant!.Checked);
        Assert.Equal("Home Assistant at http://127.0.0.1:1/ is unreachable: Connection refused", report.HomeAssistant.Reason);
    }

    [Fact]
    public void A_silent_HA_is_given_up_on_after_the_timeout_and_an_unconfigured_one_is_reported_as_such()
    {
        var (slow, slowPublished) = Run(FixedAutomationSource.Silent(), new AnalysisSettings { HomeAssistantTimeout = TimeSpan.FromMilliseconds(300) });
        var (unconfigured, _) = Run(null);

        Assert.Single(slowPublished.Suggestions, s => s.Title == MotionTitle);
        Assert.False(slow.HomeAssistant!.Checked);
        Assert.Equal("Home Assistant's automations were not read within 0.3 s", slow.HomeAssistant.Reason);
        Assert.False(unconfigured.HomeAssistant!.Checked);
        Assert.StartsWith("Home Assistant is not configured", unconfigured.HomeAssistant.Reason, StringComparison.Ordinal);
    }
}
