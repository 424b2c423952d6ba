using System.Text;
using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// One detector group: a <see cref="DetectorActor"/> per detector, restarted when it throws. Fans a request out
/// to all of them and answers once every detector answered or the deadline passed (a late detector is a
/// failure). Requests are handled one at a time.
/// </summary>
public sealed class DetectorGroupActor : ReceiveActor, IWithTimers, IWithUnboundedStash
{
    private readonly DetectorGroup group;
    private readonly IReadOnlyList<IPatternDetector> detectors;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<IActorRef> children = [];
    private Gathering? current;

    public DetectorGroupActor(DetectorGroup group, IReadOnlyList<IPatternDetector> detectors)
    {
        this.group = group;
        this.detectors = detectors;
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    public static Props Props(DetectorGroup group, IReadOnlyList<IPatternDetector> detectors) =>
        Akka.Actor.Props.Create(() => new DetectorGroupActor(group, detectors));

    public static string ActorName(DetectorGroup group) => $"group-{group.ToString().ToLowerInvariant()}";

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_ => Directive.Restart);

    protected override void PreStart()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detector in detectors)
        {
            var name = ActorNameFor(detector.Name);
            for (var i = 2; !names.Add(name); i++)
            {
                name = $"{ActorNameFor(detector.Name)}-{i}";
            }

            children.Add(Context.ActorOf(DetectorActor.Props(detector), name));
        }
    }

    private void Idle()
    {
        Receive<RunDetectors>(Start);
        Receive<DetectorSucceeded>(_ => { });
        Receive<DetectorFailed>(_ => { });
        Receive<DeadlineReached>(_ => { });
    }

    private void Busy()
    {
        Receive<RunDetectors>(_ => Stash.Stash());
        Receive<DetectorSucceeded>(m => m.RequestId == current!.RequestId, m =>
        {
            current!.Patterns.AddRange(m.Patterns);
            Answered(m.Detector);
        });
        Receive<DetectorFailed>(m => m.RequestId == current!.RequestId, m =>
        {
            log.Warning("Detector {Detector} of group {Group} failed: {Reason}", m.Detector, group, m.Reason);
            current!.Failures.Add(KeyValuePair.Create(m.Detector, m.Reason));
            Answered(m.Detector);
        });
        Receive<DeadlineReached>(m => m.RequestId == current!.RequestId, m =>
        {
            foreach (var name in current!.Waiting)
            {
                log.Warning("Detector {Detector} of group {Group} did not answer within {Deadline}", name, group, current.Deadline);
                current.Failures.Add(KeyValuePair.Create(name, $"timed out after {current.Deadline}"));
            }

            current.Waiting.Clear();
            Finish();
        });
        Receive<DetectorSucceeded>(_ => { });
        Receive<DetectorFailed>(_ => { });
        Receive<DeadlineReached>(_ => { });
    }

    private void Start(RunDetectors request)
    {
        current = new Gathering(request.RequestId, Sender, request.Deadline, new HashSet<string>(detectors.Select(d => d.Name)), [], []);
        if (current.Waiting.Count == 0)
        {
            Finish();
            return;
        }

        foreach (var child in children)
        {
            child.Tell(new Detect(request.RequestId, request.Context, Self));
        }

        Timers.StartSingleTimer("deadline", new DeadlineReached(request.RequestId), request.Deadline);
        Become(Busy);
    }

    private void Answered(string detector)
    {
        current!.Waiting.Remove(detector);
        if (current.Waiting.Count == 0)
        {
            Finish();
        }
    }

    private void Finish()
    {
        Timers.Cancel("deadline");
        var done = current!;
        current = null;
        done.ReplyTo.Tell(new GroupDetectionResult(done.RequestId, group, done.Patterns, done.Failures));
        Become(Idle);
        Stash.UnstashAll();
    }

    private static string ActorNameFor(string detectorName)
    {
        var builder = new StringBuilder();
        foreach (var c in detectorName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "detector" : builder.ToString();
    }

    private sealed record DeadlineReached(long RequestId);

    private sealed record Gathering(
        long RequestId,
        IActorRef ReplyTo,
        TimeSpan Deadline,
        HashSet<string> Waiting,
        List<Pattern> Patterns,
        List<KeyValuePair<string, string>> Failures);
}
