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

    [Fact]
    public void Random_files_read_in_random_short_reads_give_what_one_line_at_a_time_gives()
    {
        var options = new EventsJsonlReadOptions { EntityAreas = Areas, From = T0.AddSeconds(3), To = T0.AddSeconds(400) };
        byte[][] pieces =
        [
            "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\r"u8.ToArray(), "\r\r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], " \t"u8.ToArray(),
            "\v\f"u8.ToArray(), "{broken"u8.ToArray(), [0xFF, 0xC3], "\u00a0"u8.ToArray(),
        ];
        for (var seed = 0; seed < 1_500; seed++)
        {
            var random = new Random(seed);
            var file = new MemoryStream();
            for (var i = random.Next(40); i > 0; i--)
            {
                file.Write(random.Next(3) switch
                {
                    0 => Encoding.UTF8.GetBytes(Line(T0.AddSeconds(i * 10 - random.Next(30)), random.Next(2) == 0 ? "light.hall" : "light.x", new string('y', 1 + random.Next(150)))),
                    _ => pieces[random.Next(pieces.Length)],
                });
            }

            var bytes = file.ToArray();
            var workers = 1 + (seed % 4);
            var blockSize = new[] { 1, 2, 3, 7, 16, 31, 97, 300, 4096 }[random.Next(9)];
            var expected = LineByLine(bytes, options);

            var actual = ReadInBlocks(new ShortReadStream(bytes, seed), options, workers, blockSize);

            Assert.True(expected.Changes.SequenceEqual(actual.Changes), $"seed {seed}: changes differ");
            Assert.True(expected.Errors.SequenceEqual(actual.Errors), $"seed {seed}: errors differ");
            Assert.True(expected.Counts == actual.Counts, $"seed {seed}: {expected.Counts} != {actual.Counts}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_worker_failure_of_any_type_comes_back_as_thrown(int workers)
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => Line(T0.AddSeconds(i)) + "\n")));
        var streamTimeout = new OperationCanceledException("the stream's own timeout");
        var brokenMap = new InvalidOperationException("area map broke");

        var fromStream = Record.Exception(() => ReadInBlocks(new FailingStream(text, text.Length / 2, streamTimeout), new EventsJsonlReadOptions(), workers, 4096));
        var fromMap = Record.Exception(() => ReadInBlocks(new MemoryStream(text), new EventsJsonlReadOptions { EntityAreas = new FailingAreas(brokenMap, after: 5_000) }, workers, 4096));

        Assert.Same(streamTimeout, fromStream);
        Assert.Same(brokenMap, fromMap);
    }

    [Fact]
    public void A_block_size_below_one_byte_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadInBlocks("{}\n", new EventsJsonlReadOptions(), 1, 0));
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

    /// <summary>
    /// The reference: the one-thread reading blocks replaced (it cut lines at '\n' in place, dropped one trailing
    /// '\r', a BOM on line 1 only, and skipped lines of spaces, tabs and '\r' alone), then parsed each line in turn.
    /// </summary>
    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) LineByLine(string text, EventsJsonlReadOptions options) =>
        LineByLine(Encoding.UTF8.GetBytes(text), options);

    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) LineByLine(byte[] bytes, EventsJsonlReadOptions options)
    {
        var parser = new EventsJsonlLineParser(options.EntityAreas);
        var changes = new List<StateChange>();
        var errors = new List<JsonlLineError>();
        long number = 0, skipped = 0, outOfOrder = 0, outside = 0;
        var latest = DateTimeOffset.MinValue;
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            number++;
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (number == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            if (parser.Parse(line, out var error) is not { } change)
            {
                skipped++;
                errors.Add(new JsonlLineError(number, error!));
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

        return (changes, errors, new Counts(number, skipped, outOfOrder, outside));
    }

    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) ReadInBlocks(string text, EventsJsonlReadOptions options, int workers, int blockSize) =>
        ReadInBlocks(new MemoryStream(Encoding.UTF8.GetBytes(text)), options, workers, blockSize);

    private static (List<StateChange> Changes, List<JsonlLineError> Errors, Counts Counts) ReadInBlocks(Stream stream, EventsJsonlReadOptions options, int workers, int blockSize)
    {
        var changes = new List<StateChange>();
        var errors = new List<JsonlLineError>();
        var tally = new EventsJsonlTally(options, errors.Add);
        EventsJsonlReader.Scan(stream, options, tally, changes.Add, CancellationToken.None, workers, blockSize);
        return (changes, errors, new Counts(tally.LinesRead, tally.Skipped, tally.OutOfOrder, tally.OutsideWindow));
    }

    private sealed record Counts(long Lines, long Skipped, long OutOfOrder, long OutsideWindow);

    /// <summary>A file whose disk goes away partway through.</summary>
    private sealed class FailingStream(byte[] content, int failAfter, Exception? failure = null) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw failure ?? new IOException("disk gone");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));
        }
    }

    /// <summary>A pipe-like stream: every read returns 1 to 40 bytes.</summary>
    private sealed class ShortReadStream(byte[] content, int seed) : MemoryStream(content)
    {
        private readonly Random random = new(seed);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + random.Next(40)));
    }

    /// <summary>An entity-area map that fails after a number of lookups.</summary>
    private sealed class FailingAreas(Exception failure, int after) : IReadOnlyDictionary<string, string>
    {
        private int lookups;

        public int Count => 0;

        public IEnumerable<string> Keys => [];

        public IEnumerable<string> Values => [];

        public string this[string key] => throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, out string value)
        {
            if (Interlocked.Increment(ref lookups) > after)
            {
                throw failure;
            }

            value = "somewhere";
            return true;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
