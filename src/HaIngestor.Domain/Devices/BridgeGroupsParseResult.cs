namespace HaIngestor.Domain.Devices;

/// <summary>What a group list parses into: every group that could be read, and why the others (or the whole list) could not.</summary>
public sealed record BridgeGroupsParseResult(IReadOnlyList<ZigbeeGroup> Groups, IReadOnlyList<string> Errors);
