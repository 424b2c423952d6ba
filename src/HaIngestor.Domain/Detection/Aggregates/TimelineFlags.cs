using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>The per-change facts a timeline keeps in one byte: the origin and what the old state was.</summary>
public static class TimelineFlags
{
    public const byte OriginMask = 0b11;
    public const byte HasOld = 0b100;
    public const byte OldIsPlaceholder = 0b1000;

    public static byte Of(StateChange change)
    {
        var flags = (byte)((byte)change.Origin & OriginMask);
        if (change.OldState is not null)
        {
            flags |= HasOld;
            if (StateVocabulary.IsPlaceholder(change.OldState))
            {
                flags |= OldIsPlaceholder;
            }
        }

        return flags;
    }

    public static Origin OriginOf(byte flags) => (Origin)(flags & OriginMask);
}
