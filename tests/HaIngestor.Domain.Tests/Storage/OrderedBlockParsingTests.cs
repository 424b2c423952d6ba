using System.Text;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

/// <summary>
/// Parsing a file in blocks on several threads must give exactly what reading it one line at a time gives: the same
/// changes in the same order, the same rejected lines with the same numbers, the same counters.
/// </summary>
public sealed class OrderedBlockParsingTests
{
    private static readonly Dictionary<string, string> Areas = new() { ["light.hall"] = "hall" };
    private static readonly DateTimeOffset T0 = new(2025, 3, 30, 0, 59, 58, 250, TimeSpan.Zero);

    public static TheoryData<int, int> WorkersAndBlockSizes() => new()
    {
        { 1, 16 }, { 2, 16 }, { 3, 16 }, { 2, 97 }, { 3, 300 }, { 2, 4096 }, { 1, 1 << 20 }, { 4, 1 << 20 },
    };

    [Theory]
    [MemberData(nameof(WorkersAndBlockSizes))]
    public void Blocks_on_any_number_of_threads_read_like_one_line_at_a_time(int workers, int blockSize)
    {
        var options = new EventsJsonlReadOptions { EntityAreas = Areas, From = T0.AddSeconds(3), To = T0.AddSeconds(400) };
        foreach (var text in Files())
        {
            var expected = LineByLine(text, options);

            var actual = ReadInBlocks(text, options, workers, blockSize);

            Assert.Equal(expected.Changes, actual.Changes);
            Assert.Equal(expected.Errors, actual.Errors);
            Assert.Equal(expected.Counts, actual.Counts);
        }
    }

    [Fact]
    public void The_reference_reading_sees_every_kind_of_line_the_files_hold()
    {
        var options = new EventsJsonlReadOptions { EntityAreas = Areas, From = T0.AddSeconds(3), To = T0.AddSeconds(400) };

        var (changes, errors, counts) = LineByLine(Files()[0], options);

        Assert.True(changes.Count > 100);
        Assert.True(errors.Count > 10);
        Assert.True(counts.OutOfOrder > 0);
        Assert.True(counts.OutsideWindow > 0);
        Assert.Contains(changes, c => c.Area == "hall" && c.EntityId == "light.hall");
        Assert.Contains(changes, c => c.State.Length > 5_000);
    }

    [Fact]
    public void A_stream_that_fails_midway_fails_the_read_with_its_error_on_every_thread_count()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => Line(T0.AddSeconds(i)) + "\n")));
        foreach (var workers in new[] { 1, 2, 4 })
        {
            var consumed = 0;
            var tally = new EventsJsonlTally(new EventsJsonlReadOptions(), _ => { });

            var thrown = Assert.Throws<IOException>(() => EventsJsonlReader.Scan(
                new FailingStream(text, failAfter: text.Length / 2), new EventsJsonlReadOptions(), tally, _ => consumed++, CancellationToken.None, workers, blockSize: 4096));

            Assert.Equal("disk gone", thrown.Message);
            Assert.InRange(consumed, 1, 19_999);
        }
    }

    private static string Line(DateTimeOffset time, string entity = "light.kitchen", string state = "on") =>
        $$$"""{"time":"{{{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}}}Z","entity_id":"{{{entity}}}","state":"{{{state}}}","context":{"user_id":null,"parent_id":null}}""";

    /// <summary>Files with every kind of line, cut at every kind of ending.</summary>
    private static List<string> Files()
    {
        var random = new Random(17);
        var lines = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var time = T0.AddSeconds(i - (i % 37 == 0 ? 30 : 0));
            lines.Add((i % 23) switch
            {
                0 => "{broken",
                1 => "",
                2 => "   \t ",
                3 => Line(time, "light.hall", "off") + "\r",
                4 => Line(time, state: new string('x', 5_000 + random.Next(3_000))),
                5 => """{"time":"2025-03-30T01:00:00Z","entity_id":"nodot","state":"on"}""",
                6 => $$"""{ "time": "{{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}", "entity_id": "switch.caf\u00e9", "state": "on" }""",
                7 => Line(time, "sensor.t", (20 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                8 => "[1,2,3]",
                _ => Line(time, $"light.l{i % 7}", i % 2 == 0 ? "on" : "off"),
            });
        }

        var body = string.Join('\n', lines);
        return
        [
            "\uFEFF" + body + "\n",
            body,
            body + "\r\n",
            body.Replace("\n", "\r\n", StringComparison.Ordinal),
            "",
            "\n",
            "\n\n" + Line(T0.AddSeconds(5)),
            Line(T0.AddSeconds(5)),
        ];
    }

    /// <summary>The plain reading: split the text into lines and parse each in turn.</summary>
    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) LineByLine(string text, EventsJsonlReadOptions options)
    {
        var parser = new EventsJsonlLineParser(options.EntityAreas);
        var changes = new List<StateChange>();
        var errors = new List<JsonlLineError>();
        var bytes = Encoding.UTF8.GetBytes(text).AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var split = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        if (split[^1].Length == 0)
        {
            split.RemoveAt(split.Count - 1);
        }

        long skipped = 0, outOfOrder = 0, outside = 0;
        var latest = DateTimeOffset.MinValue;
        for (var i = 0; i < split.Count; i++)
        {
            var line = split[i].EndsWith('\r') ? split[i][..^1] : split[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (parser.Parse(Encoding.UTF8.GetBytes(line), out var error) is not { } change)
            {
                skipped++;
                errors.Add(new JsonlLineError(i + 1, error!));
                continue;
            }

            if (change.Time < latest)
            {
                outOfOrder++;
            }
            else
            {
                latest = change.Time;
            }

            if (change.Time < options.From || change.Time >= options.To)
            {
                outside++;
                continue;
            }

            changes.Add(change);
        }

        return (changes, errors, new Counts(split.Count, skipped, outOfOrder, outside));
    }

    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) ReadInBlocks(string text, EventsJsonlReadOptions options, int workers, int blockSize)
    {
        var changes = new List<StateChange>();
        var errors = new List<JsonlLineError>();
        var tally = new EventsJsonlTally(options, errors.Add);
        EventsJsonlReader.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), options, tally, changes.Add, CancellationToken.None, workers, blockSize);
        return (changes, errors, new Counts(tally.LinesRead, tally.Skipped, tally.OutOfOrder, tally.OutsideWindow));
    }

    private sealed record Counts(long Lines, long Skipped, long OutOfOrder, long OutsideWindow);

    /// <summary>A file whose disk goes away partway through.</summary>
    private sealed class FailingStream(byte[] content, int failAfter) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException("disk gone");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));
        }
    }
}
