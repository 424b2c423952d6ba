namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Binary form of a <see cref="TimelineDay"/>: the day's first instant, entity, area and state tables once, then
/// per change the tick delta from the previous change, entity and state numbers and the flags byte (about five
/// bytes per change). The date is the row's key and is not repeated.
/// </summary>
internal static class TimelineDayCodec
{
    public const byte Version = 1;
    private const byte KnownFlags = TimelineFlags.OriginMask | TimelineFlags.HasOld | TimelineFlags.OldIsPlaceholder;

    public static byte[] Encode(TimelineDay day)
    {
        using var w = new PayloadWriter();
        w.Byte(Version);
        w.Unsigned(day.EventCount);
        if (day.EventCount > 0)
        {
            w.Fixed(day.FirstTicks);
            w.Unsigned(day.LastTicks - day.FirstTicks);
        }

        w.Count(day.Entities.Count);
        for (var k = 0; k < day.Entities.Count; k++)
        {
            w.Text(day.Entities[k]);
            w.OptionalText(day.Areas[k]);
        }

        w.Count(day.States.Count);
        foreach (var state in day.States)
        {
            w.Text(state);
        }

        w.Count(day.Count);
        var previous = day.FirstTicks;
        for (var i = 0; i < day.Count; i++)
        {
            w.Unsigned(day.Ticks[i] - previous);
            previous = day.Ticks[i];
            w.Count(day.Entity[i]);
            w.Count(day.State[i]);
            w.Byte(day.Flags[i]);
        }

        return w.ToArray();
    }

    /// <exception cref="InvalidDataException">The payload is not a timeline day of this version.</exception>
    public static TimelineDay Decode(DateOnly date, byte[] payload)
    {
        using var r = new PayloadReader(payload);
        if (r.Byte() is var version && version != Version)
        {
            throw new InvalidDataException($"timeline payload version {version}, expected {Version}");
        }

        var rawCount = r.Unsigned();
        var eventCount = rawCount <= int.MaxValue ? (int)rawCount : throw new InvalidDataException($"event count {rawCount}");
        long first = 0, last = 0;
        if (eventCount > 0)
        {
            first = r.Fixed();
            last = first + r.Unsigned();
        }

        var entityCount = r.Count();
        var entities = new string[entityCount];
        var areas = new string?[entityCount];
        for (var k = 0; k < entityCount; k++)
        {
            entities[k] = r.Text();
            areas[k] = r.OptionalText();
        }

        var states = new string[r.Count()];
        for (var k = 0; k < states.Length; k++)
        {
            states[k] = r.Text();
        }

        var count = r.Count();
        if (count > eventCount)
        {
            throw new InvalidDataException($"{count} kept changes out of {eventCount}");
        }

        var ticks = new long[count];
        var entity = new int[count];
        var state = new int[count];
        var flags = new byte[count];
        var previous = first;
        for (var i = 0; i < count; i++)
        {
            previous = ticks[i] = previous + r.Unsigned();
            entity[i] = r.Index(entityCount);
            state[i] = r.Index(states.Length);
            flags[i] = r.Byte() is var f && (f & ~KnownFlags) == 0 && (f & TimelineFlags.OriginMask) <= 2 ? f : throw new InvalidDataException($"unknown flags {f}");
            if (previous > last)
            {
                throw new InvalidDataException("a change after the day's last instant");
            }
        }

        if (!r.AtEnd)
        {
            throw new InvalidDataException("bytes after the timeline");
        }

        return new TimelineDay(date, eventCount, first, last, entities, areas, states, ticks, entity, state, flags);
    }
}
