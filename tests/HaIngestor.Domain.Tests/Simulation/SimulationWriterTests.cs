using System.Text;
using System.Text.Json;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Simulation;

public sealed class SimulationWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "haingestor-sim-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Simulate_output_has_the_four_files_in_their_documented_shapes()
    {
        var home = SimulatedHome.Create(1);
        var summary = SimulationWriter.Write(directory, home, SimulationFixtures.January, 3);

        var lines = File.ReadAllLines(Path.Combine(directory, SimulationWriter.EventsFileName));
        Assert.Equal(summary.Events, lines.Length);
        Assert.True(lines.Length > 100);
        var expected = new HistoryGenerator(home).Generate(SimulationFixtures.January, 3).ToList();
        foreach (var (line, change) in lines.Zip(expected))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(change.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), root.GetProperty("time").GetString());
            Assert.Equal(change.EntityId, root.GetProperty("entity_id").GetString());
            Assert.Equal(change.State, root.GetProperty("state").GetString());
            Assert.Equal(change.OldState, root.TryGetProperty("old_state", out var old) ? old.GetString() : null);
            Assert.Equal(change.Area, root.GetProperty("area").GetString());
            var context = root.GetProperty("context");
            Assert.Equal(change.UserId, context.GetProperty("user_id").GetString());
            Assert.Equal(change.ParentId, context.GetProperty("parent_id").GetString());
        }

        using var homeJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, SimulationWriter.HomeFileName)));
        Assert.Equal("Europe/Berlin", homeJson.RootElement.GetProperty("time_zone").GetString());
        Assert.Equal(home.Entities.Count, homeJson.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Contains("bedroom", homeJson.RootElement.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.InRange(homeJson.RootElement.GetProperty("latitude").GetDouble(), 47, 55);

        Assert.Equal(home.BridgeDevicesPayload(), File.ReadAllBytes(Path.Combine(directory, SimulationWriter.BridgeDevicesFileName)));
    }

    [Fact]
    public void Truth_file_reads_back_to_the_planted_routines()
    {
        var home = SimulatedHome.Create(4);
        using var stream = new MemoryStream();
        TruthFile.Write(stream, home, SimulationFixtures.January, 30);

        var routines = TruthFile.ReadRoutines(stream.ToArray(), out var skipped);

        Assert.Equal(0, skipped);
        Assert.Equal(home.Routines, routines);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"local_time\": \"23:50\"", text);
        Assert.Contains("\"days\": \"weekends\"", text);
    }

    [Fact]
    public void Truth_reader_skips_what_it_cannot_read_and_never_throws()
    {
        Assert.Empty(TruthFile.ReadRoutines("not json"u8, out _));
        Assert.Empty(TruthFile.ReadRoutines("[1,2]"u8, out _));

        var routines = TruthFile.ReadRoutines(
            """{"patterns":[{"kind":"time_of_day","entity_id":"light.a","state":"on","local_time":"07:05","days":"mon,wed","jitter_min":5,"skip_probability":0.1,"human":true},{"kind":"time_of_day","entity_id":"light.b"},{"kind":"co_occurrence"}]}"""u8,
            out var skipped);

        Assert.Equal(2, skipped);
        var routine = Assert.Single(routines);
        Assert.Equal(new TimeOnly(7, 5), routine.LocalTime);
        Assert.Equal("mon,wed", routine.Days.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
