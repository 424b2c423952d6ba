using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using HaIngestor.Actors.Protocol;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// Journal format of the device actors' events and snapshots: compact System.Text.Json with a short manifest per
/// record, instead of Akka's reflective default (Newtonsoft with type names), which cost most of the ingest time
/// and tied stored data to .NET type names. Events written by the old default stay readable: each stored event
/// carries the id of the serializer that wrote it.
/// </summary>
public sealed class DeviceEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private const string Definition = "def";
    private const string Properties = "props";
    private const string PropertiesBatch = "props-batch";
    private const string Snapshot = "snap";
    private const string UsageImported = "usage-imported";

    public override int Identifier => 7101;

    public override string Manifest(object o) => o switch
    {
        DeviceDefinitionRecorded => Definition,
        DevicePropertiesChanged => Properties,
        DevicePropertiesChangedBatch => PropertiesBatch,
        DeviceStateSnapshot => Snapshot,
        DeviceUsageImported => UsageImported,
        _ => throw new ArgumentException($"{o.GetType()} is not a device event", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType());

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        Definition => Read<DeviceDefinitionRecorded>(bytes),
        Properties => Read<DevicePropertiesChanged>(bytes),
        PropertiesBatch => Read<DevicePropertiesChangedBatch>(bytes),
        Snapshot => Read<DeviceStateSnapshot>(bytes),
        UsageImported => Read<DeviceUsageImported>(bytes),
        _ => throw new SerializationException($"unknown device event manifest '{manifest}'"),
    };

    private static T Read<T>(byte[] bytes) =>
        JsonSerializer.Deserialize<T>(bytes) ?? throw new SerializationException($"empty {typeof(T).Name}");
}
