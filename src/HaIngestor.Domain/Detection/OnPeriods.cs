namespace HaIngestor.Domain.Detection;

/// <summary>
/// Pairs each human on-like action with the entity's next off-like state, whoever caused that (an
/// automation's auto-off still ends the on-time a person started). A placeholder state in between leaves
/// the end unknown and drops the period; a further on-like state keeps the first start.
/// </summary>
internal static class OnPeriods
{
    /// <summary>The periods per item (entity + the on-like state that started them), each list in time order.</summary>
    public static List<OnPeriod>[] Find(ActivityTimeline timeline, double maxSeconds)
    {
        var periods = new List<OnPeriod>[timeline.ItemCount];
        var open = new int[timeline.EntityCount];
        Array.Fill(open, -1);

        for (var i = 0; i < timeline.Count; i++)
        {
            var entity = timeline.Entity[i];
            var state = timeline.State[i];
            if (timeline.IsPlaceholder(state))
            {
                open[entity] = -1;
            }
            else if (timeline.IsOnLike(state))
            {
                if (open[entity] < 0 && timeline.Human[i])
                {
                    open[entity] = i;
                }
            }
            else if (timeline.IsOffLike(state) && open[entity] >= 0)
            {
                var start = open[entity];
                var seconds = timeline.Seconds[i] - timeline.Seconds[start];
                if (seconds > 0 && seconds <= maxSeconds)
                {
                    (periods[timeline.Item[start]] ??= []).Add(new OnPeriod(start, seconds));
                }

                open[entity] = -1;
            }
        }

        return periods;
    }
}
