using Akka.Actor;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// Runs one Domain detector. A detector that throws crashes only this actor: before its restart it answers the
/// failing request with <see cref="DetectorFailed"/>, so the group never waits for an answer that cannot come.
/// </summary>
public sealed class DetectorActor : ReceiveActor
{
    private readonly IPatternDetector detector;

    public DetectorActor(IPatternDetector detector)
    {
        this.detector = detector;
        Receive<Detect>(d => d.ReplyTo.Tell(new DetectorSucceeded(d.RequestId, detector.Name, detector.Detect(d.Context))));
    }

    public static Props Props(IPatternDetector detector) => Akka.Actor.Props.Create(() => new DetectorActor(detector));

    protected override void PreRestart(Exception reason, object message)
    {
        if (message is Detect d)
        {
            d.ReplyTo.Tell(new DetectorFailed(d.RequestId, detector.Name, $"{reason.GetType().Name}: {reason.Message}"));
        }

        base.PreRestart(reason, message);
    }
}
