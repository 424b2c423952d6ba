using System.Text;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class EventsJsonlReaderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 13, 4, 31, 7, 120, TimeSpan.Zero);

    private static EventsJsonlReadResult ReadText(string text, EventsJsonlReadOptions? options = null) =>
        EventsJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    private static string Line(DateTimeOffset time, string entity = "light.kitchen", string state = "on", string context = """{"user_id":null,"parent_id":null}""") =>
        $$"""{"time":"{{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}}Z","entity_id":"{{entity}}","state":"{{state}}","context":{{context}}}""";

    [Fact]
    public void Ordonez_a_reads_fully_with_areas_and_manual_origin()
    {
        var result = EventsJsonlReader.ReadFile(Path.Combine(TestFiles.RealHome("ordonez_a"), "events.jsonl"));

        Assert.Equal(818, result.Events.Count);
        Assert.Equal(818, result.LinesRead);
        Assert.Equal(0, result.SkippedLines);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Errors);
        Assert.All(result.Events, e => Assert.Equal(Origin.Manual, e.Origin));
        Assert.All(result.Events, e => Assert.NotNull(e.Area));
        Assert.Equal(new DateTimeOffset(2011, 11, 28, 1, 27, 59, TimeSpan.Zero), result.Events[0].Time);
        Assert.Equal("binary_sensor.bed_pressure", result.Events[0].EntityId);
        Assert.Equal("bedroom", result.Events[0].Area);
        Assert.Equal(result.Events.OrderBy(e => e.Time).Select(e => e.Time), result.Events.Select(e => e.Time));
    }

    [Fact]
    public void Broken_lines_are_skipped_with_line_numbers_and_good_lines_kept()
    {
        var text = string.Join('\n',
            Line(T0),
            """{"time":"2025-10-13T04:32:00.000Z","entity_id":"light.kitchen","state":""",
            Line(T0.AddMinutes(2), state: "off"),
            """{"entity_id":"light.kitchen","state":"on"}""",
            """{"time":"2025-10-13T04:33:00.000Z","state":"on"}""",
            """{"time":"2025-10-13T04:33:00.000Z","entity_id":"light.kitchen"}""",
            """{"time":"yesterday","entity_id":"light.kitchen","state":"on"}""",
            """{"time":"2025-10-13T04:33:00","entity_id":"light.kitchen","state":"on"}""",
            """["not","an","object"]""",
            """{"time":"2025-10-13T04:33:00.000Z","entity_id":"kitchen","state":"on"}""",
            """{"time":"2025-10-13T04:33:00.000Z","entity_id":"light.kitchen","state":{"on":true}}""",
            "",
            Line(T0.AddMinutes(3)));

        var result = ReadText(text);

        Assert.Equal(13, result.LinesRead);
        Assert.Equal(9, result.SkippedLines);
        Assert.Equal([2L, 4, 5, 6, 7, 8, 9, 10, 11], result.Errors.Select(e => e.LineNumber));
        Assert.Contains("invalid JSON", result.Errors[0].Reason);
        Assert.Contains("missing time", result.Errors[1].Reason);
        Assert.Contains("missing entity_id", result.Errors[2].Reason);
        Assert.Contains("missing state", result.Errors[3].Reason);
        Assert.Contains("ISO-8601", result.Errors[4].Reason);
        Assert.Contains("no UTC offset", result.Errors[5].Reason);
        Assert.Contains("not a JSON object", result.Errors[6].Reason);
        Assert.Contains("domain.object_id", result.Errors[7].Reason);
        Assert.Contains("state", result.Errors[8].Reason);
        Assert.Equal([T0, T0.AddMinutes(2), T0.AddMinutes(3)], result.Events.Select(e => e.Time));
    }

    [Fact]
    public void Lines_with_invalid_utf8_in_a_read_field_are_skipped_with_a_reason_and_the_rest_kept()
    {
        byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
        byte[] invalid = [0xC3, 0x28];
        var lines = new[]
        {
            Bytes(Line(T0)),
            [.. Bytes("""{"time":"2025-10-13T04:32:00.000Z","entity_id":"light.k"""), .. invalid, .. Bytes("\",\"state\":\"on\"}")],
            [.. Bytes("""{"time":"2025-10-13T04:32:00.000Z","entity_id":"light.k","state":"o\n"""), .. invalid, .. Bytes("\"}")],
            [.. Bytes("""{"time":"2025-10-13T04:32:00.000Z","entity_id":"light.k","state":"on","context":{"parent_id":"p"""), .. invalid, .. Bytes("\"}}")],
            Bytes(Line(T0.AddMinutes(3))),
        };
        var text = lines.SelectMany(line => line.Append((byte)'\n')).ToArray();

        var result = EventsJsonlReader.Read(new MemoryStream(text));

        Assert.Equal(5, result.LinesRead);
        Assert.Equal([2L, 3, 4], result.Errors.Select(e => e.LineNumber));
        Assert.Contains("entity_id is not valid UTF-8", result.Errors[0].Reason);
        Assert.Contains("not valid UTF-8", result.Errors[1].Reason);
        Assert.Contains("not valid UTF-8", result.Errors[2].Reason);
        Assert.Equal([T0, T0.AddMinutes(3)], result.Events.Select(e => e.Time));
    }

    [Fact]
    public void Only_the_first_errors_are_kept_but_all_are_counted()
    {
        var text = string.Join('\n', Enumerable.Range(0, 50).Select(_ => "{broken"));

        var result = ReadText(text, new EventsJsonlReadOptions { MaxErrors = 5 });

        Assert.Equal(50, result.SkippedLines);
        Assert.Equal([1L, 2, 3, 4, 5], result.Errors.Select(e => e.LineNumber));
    }

    [Fact]
    public void Out_of_order_lines_are_counted_and_sorted_stably()
    {
        var text = string.Join('\n',
            Line(T0.AddMinutes(5), "light.a"),
            Line(T0, "light.b"),
            Line(T0.AddMinutes(5), "light.c"),
            Line(T0.AddMinutes(1), "light.d"),
            Line(T0.AddMinutes(5), "light.e"));

        var result = ReadText(text);

        Assert.Equal(2, result.OutOfOrder);
        Assert.Equal(["light.b", "light.d", "light.a", "light.c", "light.e"], result.Events.Select(e => e.EntityId));
    }

    [Fact]
    public void Duplicates_are_counted_and_dropped_even_when_not_adjacent()
    {
        var text = string.Join('\n',
            Line(T0, "light.a", "on"),
            Line(T0, "light.b", "on"),
            Line(T0.AddMinutes(1), "light.a", "off"),
            Line(T0, "light.a", "on"),
            Line(T0, "light.a", "off"),
            Line(T0.AddMinutes(1), "light.a", "off"));

        var result = ReadText(text);

        Assert.Equal(2, result.Duplicates);
        Assert.Equal(2, result.OutOfOrder);
        Assert.Equal([("light.a", "on"), ("light.b", "on"), ("light.a", "off"), ("light.a", "off")], result.Events.Select(e => (e.EntityId, e.State)));
        Assert.Equal([T0, T0, T0, T0.AddMinutes(1)], result.Events.Select(e => e.Time));
    }

    [Fact]
    public void Window_filter_keeps_from_inclusive_to_exclusive()
    {
        var text = string.Join('\n', Enumerable.Range(0, 10).Select(i => Line(T0.AddHours(i))));

        var result = ReadText(text, new EventsJsonlReadOptions { From = T0.AddHours(2), To = T0.AddHours(5) });

        Assert.Equal([T0.AddHours(2), T0.AddHours(3), T0.AddHours(4)], result.Events.Select(e => e.Time));
        Assert.Equal(7, result.OutsideWindow);
    }

    [Fact]
    public void Origin_comes_from_the_context()
    {
        var text = string.Join('\n',
            Line(T0, context: """{"user_id":"u1","parent_id":null}"""),
            Line(T0.AddSeconds(1), context: """{"user_id":null,"parent_id":"01JABCDEF"}"""),
            Line(T0.AddSeconds(2), state: "unavailable"),
            Line(T0.AddSeconds(3), context: "null"),
            """{"time":"2025-10-13T04:31:11.120Z","entity_id":"light.kitchen","state":"on"}""");

        var result = ReadText(text);

        Assert.Equal([Origin.Manual, Origin.Automation, Origin.System, Origin.Manual, Origin.Manual], result.Events.Select(e => e.Origin));
        Assert.Equal("u1", result.Events[0].UserId);
        Assert.Equal("01JABCDEF", result.Events[1].ParentId);
    }

    [Fact]
    public void Area_comes_from_the_line_else_from_the_map()
    {
        var text = string.Join('\n',
            """{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","area":"cooking"}""",
            Line(T0.AddSeconds(1), "light.kitchen"),
            Line(T0.AddSeconds(2), "light.unmapped"));
        var areas = new Dictionary<string, string> { ["light.kitchen"] = "kitchen" };

        var result = ReadText(text, new EventsJsonlReadOptions { EntityAreas = areas });

        Assert.Equal(["cooking", "kitchen", null], result.Events.Select(e => e.Area));
    }

    [Fact]
    public void Ha_style_times_numbers_escapes_bom_crlf_and_attributes_are_accepted()
    {
        var text = "\uFEFF" + string.Join("\r\n",
            """{"time":"2025-10-13T06:31:07.120345+02:00","entity_id":"sensor.temp","state":21.5,"old_state":"21.0","attributes":{"unit":"°C","list":[1,{"a":null}]}}""",
            """{"time":"2025-10-13T04:31:08.000Z","entity_id":"light.k\u0069tchen","state":"on"}""") + "\r\n";

        var result = ReadText(text);

        Assert.Equal(0, result.SkippedLines);
        Assert.Equal(2, result.LinesRead);
        Assert.Equal(new DateTimeOffset(2025, 10, 13, 4, 31, 7, TimeSpan.Zero).AddTicks(1203450), result.Events[0].Time);
        Assert.Equal(TimeSpan.Zero, result.Events[0].Time.Offset);
        Assert.Equal("21.5", result.Events[0].State);
        Assert.Equal("21.0", result.Events[0].OldState);
        Assert.Equal("light.kitchen", result.Events[1].EntityId);
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_are_read_whole()
    {
        var big = new string('x', 300_000);
        var text = string.Join('\n',
            Line(T0),
            $$$"""{"time":"2025-10-13T04:40:00.000Z","entity_id":"sensor.big","state":"on","attributes":{"blob":"{{{big}}}"}}""",
            Line(T0.AddHours(1)));

        var result = ReadText(text);

        Assert.Equal(0, result.SkippedLines);
        Assert.Equal(["light.kitchen", "sensor.big", "light.kitchen"], result.Events.Select(e => e.EntityId));
    }

    [Fact]
    public void Enumerate_streams_in_file_order_and_reports_errors()
    {
        var text = string.Join('\n', Line(T0.AddMinutes(1)), "{oops", Line(T0));
        var errors = new List<JsonlLineError>();

        var events = EventsJsonlReader.Enumerate(new MemoryStream(Encoding.UTF8.GetBytes(text)), onError: errors.Add).ToList();

        Assert.Equal([T0.AddMinutes(1), T0], events.Select(e => e.Time));
        Assert.Equal(2, Assert.Single(errors).LineNumber);
    }

    [Fact]
    public void Writer_output_reads_back_unchanged_across_many_buffer_boundaries()
    {
        var origins = new[] { Origin.Manual, Origin.Automation, Origin.System };
        var changes = Enumerable.Range(0, 20_000).Select(i => new StateChange(
            T0.AddSeconds(i * 7),
            $"light.lamp_{i % 37}",
            i % 2 == 0 ? "on" : "off",
            i % 2 == 0 ? "off" : null,
            i % 3 == 0 ? null : "living_room",
            origins[i % 3],
            i % 5 == 0 ? "user-ñ" : null,
            i % 7 == 0 ? $"parent-{i}" : null)).ToList();
        var stream = new MemoryStream();
        using (var writer = new EventsJsonlWriter(stream, leaveOpen: true))
        {
            foreach (var change in changes)
            {
                writer.Write(change);
            }
        }

        stream.Position = 0;
        var result = EventsJsonlReader.Read(stream);

        Assert.Equal(0, result.SkippedLines);
        Assert.Equal(changes, result.Events);
    }

    [Fact]
    public void Real_file_written_back_out_reads_the_same()
    {
        using var scratch = new ScratchDirectory();
        var original = EventsJsonlReader.ReadFile(Path.Combine(TestFiles.RealHome("ordonez_b"), "events.jsonl"));
        var copy = scratch.File("out/events.jsonl");

        EventsJsonlWriter.WriteFile(copy, original.Events);
        var back = EventsJsonlReader.ReadFile(copy);

        Assert.Equal(4660, original.Events.Count);
        Assert.Equal(original.Events, back.Events);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01")]
    [InlineData("1899-12-31T23:59:59.999Z", "1899-12-31")]
    [InlineData("9999-12-31T23:59:59Z", "9999-12-31")]
    [InlineData("3000-01-01T00:00:00+00:00", "3000-01-01")]
    public void A_time_outside_the_years_a_history_can_hold_skips_its_line(string time, string date)
    {
        var text = string.Join('\n', Line(T0), $$$"""{"time":"{{{time}}}","entity_id":"light.b","state":"on"}""", Line(T0.AddMinutes(1), state: "off"));

        var result = ReadText(text);

        Assert.Equal(2, result.Events.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal($"time {date} is outside the years 1900 to 2999", error.Reason);
    }

    [Fact]
    public void The_first_and_last_instants_of_the_years_a_history_can_hold_are_read()
    {
        var text = string.Join('\n', """{"time":"1900-01-01T00:00:00Z","entity_id":"light.b","state":"on"}""", """{"time":"2999-12-31T23:59:59.999Z","entity_id":"light.b","state":"off"}""");

        var result = ReadText(text);

        Assert.Empty(result.Errors);
        Assert.Equal([1900, 2999], result.Events.Select(e => e.Time.Year));
    }

    [Fact]
    public void Streaming_keeps_file_order_and_drops_repeats_at_an_instant_even_among_many()
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("events.jsonl");
        var lines = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            lines.Add(Line(T0.AddSeconds(i / 40), $"light.lamp_{i % 40}", i % 80 < 40 ? "on" : "off"));
        }

        lines.Insert(100, Line(T0.AddSeconds(2), "light.lamp_5", "on"));
        lines.Insert(101, "{broken");
        lines.Add(Line(T0.AddSeconds(499), "light.lamp_39", "off"));
        File.WriteAllLines(path, lines);
        var seen = new List<StateChange>();

        var result = EventsJsonlReader.ReadFile(path, null, seen.Add);

        Assert.Equal(20_003, result.LinesRead);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(1, result.SkippedLines);
        Assert.Equal(102L, Assert.Single(result.Errors).LineNumber);
        Assert.Equal(20_000, seen.Count);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (T0.AddSeconds(i / 40), $"light.lamp_{i % 40}")), seen.Select(e => (e.Time, e.EntityId)));
    }

    [Fact]
    public void Streaming_stops_and_rethrows_when_the_consumer_throws()
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("events.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 50_000).Select(i => Line(T0.AddSeconds(i))));
        var count = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => EventsJsonlReader.ReadFile(path, null, _ =>
        {
            if (++count == 7_000)
            {
                throw new InvalidOperationException("fold failed");
            }
        }));

        Assert.Equal("fold failed", thrown.Message);
        Assert.Equal(7_000, count);
    }

    [Fact]
    public void Streaming_honours_cancellation()
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("events.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 50_000).Select(i => Line(T0.AddSeconds(i))));
        using var cancel = new CancellationTokenSource();
        var count = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => EventsJsonlReader.ReadFile(path, null, _ =>
        {
            if (++count == 5_000)
            {
                cancel.Cancel();
            }
        }, cancel.Token));

        Assert.True(count < 50_000);
    }

    [Fact]
    public void Writer_writes_the_documented_line_shape()
    {
        var stream = new MemoryStream();
        using (var writer = new EventsJsonlWriter(stream, leaveOpen: true))
        {
            writer.Write(new StateChange(T0, "light.bedroom_ceiling", "on", "off", "bedroom"));
        }

        Assert.Equal(
            """{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.bedroom_ceiling","state":"on","old_state":"off","area":"bedroom","context":{"user_id":null,"parent_id":null}}""" + "\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }
}
