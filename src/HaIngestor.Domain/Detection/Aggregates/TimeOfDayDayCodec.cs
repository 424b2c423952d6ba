using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Binary form of a <see cref="TimeOfDayDay"/>: per entity its id, first instant and span, per state the minute
/// stamps as offsets from the day's local midnight (two bytes each). The date is the row's key and is not repeated.
/// </summary>
internal static class TimeOfDayDayCodec
{
    public const byte Version = 1;

    public static byte[] Encode(TimeOfDayDay day)
    {
        using var w = new PayloadWriter();
        w.Byte(Version);
        var midnight = (long)day.Date.DayNumber * HomeCalendar.MinutesPerDay;
        w.Unsigned(day.EventCount);
        w.Count(day.Entities.Count);
        foreach (var entity in day.Entities)
        {
            w.Text(entity.EntityId);
            w.Fixed(entity.FirstTicks);
            w.Unsigned(entity.LastTicks - entity.FirstTicks);
            w.Count(entity.States.Count);
            foreach (var state in entity.States)
            {
                w.Text(state.State);
                w.Count(state.Stamps.Length);
                foreach (var stamp in state.Stamps)
                {
                    w.Signed(stamp - midnight);
                }
            }
        }

        return w.ToArray();
    }

    /// <exception cref="InvalidDataException">The payload is not a time-of-day day of this version.</exception>
    public static TimeOfDayDay Decode(DateOnly date, byte[] payload)
    {
        using var r = new PayloadReader(payload);
        if (r.Byte() is var version && version != Version)
        {
            throw new InvalidDataException($"time_of_day payload version {version}, expected {Version}");
        }

        var midnight = (long)date.DayNumber * HomeCalendar.MinutesPerDay;
        var rawCount = r.Unsigned();
        var eventCount = rawCount <= int.MaxValue ? (int)rawCount : throw new InvalidDataException($"event count {rawCount}");
        var entities = new TimeOfDayEntityDay[r.Count()];
        for (var k = 0; k < entities.Length; k++)
        {
            var id = r.Text();
            var first = r.Fixed();
            var last = first + r.Unsigned();
            var states = new TimeOfDayStateDay[r.Count()];
            for (var s = 0; s < states.Length; s++)
            {
                var state = r.Text();
                var stamps = new long[r.Count()];
                for (var i = 0; i < stamps.Length; i++)
                {
                    var offset = r.Signed();
                    stamps[i] = Math.Abs(offset) <= 2 * HomeCalendar.MinutesPerDay
                        ? midnight + offset
                        : throw new InvalidDataException($"minute stamp {offset} minutes from the day's midnight");
                }

                states[s] = new TimeOfDayStateDay(state, stamps);
            }

            entities[k] = new TimeOfDayEntityDay(id, first, last, states);
        }

        if (!r.AtEnd)
        {
            throw new InvalidDataException("bytes after the time_of_day day");
        }

        return new TimeOfDayDay(date, eventCount, entities);
    }
}
