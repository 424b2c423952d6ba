using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Events;

/// <summary>
/// Batches state changes into the L1 store: a write when <c>BatchSize</c> changes are buffered or every
/// <c>FlushInterval</c>, one write at a time, in arrival order. A failed write is retried with backoff and
/// its batch is never dropped; only above <c>MaxBuffered</c> are new changes refused (logged and counted).
/// </summary>
public sealed class EventWriterActor : ReceiveActor, IWithTimers
{
    private readonly IEventStore store;
    private readonly EventWriterSettings settings;
    private readonly int rawRetentionDays;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<StateChange> buffer = [];
    private readonly List<IActorRef> flushWaiters = [];
    private IReadOnlyList<StateChange>? inFlight;
    private Task? writing;
    private TimeSpan retryDelay;
    private long written;
    private long dropped;
    private long failedWrites;
    private long pruned;

    public EventWriterActor(IEventStore store, EventWriterSettings settings, int rawRetentionDays)
    {
        this.store = store;
        this.settings = settings;
        this.rawRetentionDays = rawRetentionDays;
        retryDelay = settings.RetryMinDelay;

        Receive<WriteStateChanges>(OnWrite);
        Receive<FlushTick>(_ => StartWrite());
        Receive<RetryWrite>(_ => Write());
        Receive<WriteSucceeded>(OnWriteSucceeded);
        Receive<WriteFailed>(OnWriteFailed);
        Receive<FlushEvents>(_ => OnFlushRequest());
        Receive<PruneRawEvents>(OnPrune);
        Receive<RawEventsPruned>(OnPruned);
        Receive<GetEventWriterStatus>(_ => Sender.Tell(new EventWriterStatus(written, Buffered, dropped, failedWrites, pruned)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IEventStore store, EventWriterSettings settings, int rawRetentionDays) =>
        Akka.Actor.Props.Create(() => new EventWriterActor(store, settings, rawRetentionDays));

    private int Buffered => buffer.Count + (inFlight?.Count ?? 0);

    protected override void PreStart() =>
        Timers.StartPeriodicTimer("flush", FlushTick.Instance, settings.FlushInterval);

    protected override void PostStop()
    {
        try
        {
            if (writing is { IsCompleted: false } && !writing.Wait(settings.StopFlushTimeout))
            {
                log.Warning("Event writer stopped while a write of {Count} changes was still running", inFlight?.Count ?? 0);
                return;
            }

            var rest = (writing?.IsCompletedSuccessfully == true ? [] : inFlight ?? []).Concat(buffer).ToList();
            if (rest.Count > 0 && !store.AppendAsync(rest).Wait(settings.StopFlushTimeout))
            {
                log.Warning("Event writer stopped before {Count} changes were stored", rest.Count);
            }
        }
        catch (Exception e)
        {
            log.Error(e, "Event writer could not store {Count} changes while stopping", Buffered);
        }
    }

    private void OnWrite(WriteStateChanges message)
    {
        var room = settings.MaxBuffered - Buffered;
        var accepted = Math.Max(0, Math.Min(room, message.Changes.Count));
        if (accepted < message.Changes.Count)
        {
            var lost = message.Changes.Count - accepted;
            if (dropped == 0 || (dropped + lost) / 10_000 > dropped / 10_000)
            {
                log.Error("Event buffer full ({Max} changes, store failing): {Dropped} changes dropped so far", settings.MaxBuffered, dropped + lost);
            }

            dropped += lost;
        }

        buffer.AddRange(message.Changes.Take(accepted));
        if (buffer.Count >= settings.BatchSize)
        {
            StartWrite();
        }
    }

    private void StartWrite()
    {
        if (inFlight is not null)
        {
            return;
        }

        if (buffer.Count == 0)
        {
            ReplyToFlushWaiters();
            return;
        }

        var size = Math.Min(buffer.Count, settings.BatchSize);
        inFlight = buffer.GetRange(0, size);
        buffer.RemoveRange(0, size);
        Write();
    }

    private void Write()
    {
        var batch = inFlight!;
        writing = store.AppendAsync(batch);
        writing.ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new WriteSucceeded(batch.Count)
                : (object)new WriteFailed(t.Exception?.GetBaseException().Message ?? "write cancelled"),
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnWriteSucceeded(WriteSucceeded success)
    {
        written += success.Count;
        inFlight = null;
        writing = null;
        retryDelay = settings.RetryMinDelay;
        if (buffer.Count >= settings.BatchSize || flushWaiters.Count > 0)
        {
            StartWrite();
        }
    }

    private void OnWriteFailed(WriteFailed failure)
    {
        failedWrites++;
        log.Warning("Writing {Count} state changes failed: {Error}; retrying in {Delay}", inFlight!.Count, failure.Error, retryDelay);
        Timers.StartSingleTimer("retry", RetryWrite.Instance, retryDelay);
        var doubled = TimeSpan.FromTicks(retryDelay.Ticks * 2);
        retryDelay = doubled > settings.RetryMaxDelay ? settings.RetryMaxDelay : doubled;
    }

    private void OnFlushRequest()
    {
        flushWaiters.Add(Sender);
        StartWrite();
    }

    private void ReplyToFlushWaiters()
    {
        foreach (var replyTo in flushWaiters)
        {
            replyTo.Tell(new EventsFlushed(written));
        }

        flushWaiters.Clear();
    }

    private void OnPrune(PruneRawEvents prune)
    {
        var olderThan = prune.Now.AddDays(-rawRetentionDays);
        var replyTo = Sender;
        var self = Self;
        store.PruneAsync(olderThan).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new RawEventsPruned(t.Result, null)
                : new RawEventsPruned(0, t.Exception?.GetBaseException().Message ?? "prune cancelled"),
            TaskScheduler.Default).ContinueWith(t =>
            {
                self.Tell(t.Result);
                if (!replyTo.IsNobody() && !replyTo.Equals(self))
                {
                    replyTo.Tell(t.Result);
                }
            }, TaskScheduler.Default);
    }

    private void OnPruned(RawEventsPruned result)
    {
        if (result.Error is null)
        {
            pruned += result.Deleted;
            log.Info("Pruned {Count} raw state changes older than {Days} days", result.Deleted, rawRetentionDays);
        }
        else
        {
            log.Warning("Pruning raw state changes failed: {Error}", result.Error);
        }
    }

    private sealed record FlushTick
    {
        public static FlushTick Instance { get; } = new();
    }

    private sealed record RetryWrite
    {
        public static RetryWrite Instance { get; } = new();
    }

    private sealed record WriteSucceeded(int Count);

    private sealed record WriteFailed(string Error);
}
