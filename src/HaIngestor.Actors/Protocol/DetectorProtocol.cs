using Akka.Actor;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Protocol;

/// <summary>Runs every detector of a group on the context; answered by <see cref="GroupDetectionResult"/>.</summary>
public sealed record RunDetectors(long RequestId, DetectionContext Context, TimeSpan Deadline);

/// <summary>A group's result: the patterns of the detectors that finished, and why the others did not.</summary>
public sealed record GroupDetectionResult(
    long RequestId,
    DetectorGroup Group,
    IReadOnlyList<Pattern> Patterns,
    IReadOnlyList<KeyValuePair<string, string>> Failures);

/// <summary>Runs one detector; the answer goes to <paramref name="ReplyTo"/> even when the detector throws.</summary>
public sealed record Detect(long RequestId, DetectionContext Context, IActorRef ReplyTo);

public sealed record DetectorSucceeded(long RequestId, string Detector, IReadOnlyList<Pattern> Patterns);

public sealed record DetectorFailed(long RequestId, string Detector, string Reason);
