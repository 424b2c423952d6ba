using Akka.Actor;
using Akka.Serialization;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;

namespace HaIngestor.Actors.Tests;

/// <summary>The device actors' journal format: every event and snapshot round-trips through the configured serializer.</summary>
public sealed class DeviceEventSerializerTests() : TestKit(PersistenceHocon.AkkaConf)
{
    public static TheoryData<object> Records() =>
    [
        new DeviceDefinitionRecorded("""{"ieee_address":"0x1","friendly_name":"hall/ceiling"}""", 1_700_000_000_000),
        new DevicePropertiesChanged(1_700_000_000_123, ["state", "color.x"], [null, "0.3"], ["\"ON\"", "0.31"]),
        new DevicePropertiesChangedBatch([new DevicePropertiesChanged(1, ["action"], ["\"single\""], ["\"single\""]), new DevicePropertiesChanged(2, ["state"], [null], ["\"OFF\""])]),
        new DeviceStateSnapshot("{}", 5, 3, ["state"], ["\"ON\""], ["state"], [2], ["\"ON\""], [4], [["\"ON\"", "\"OFF\""]]),
        new DeviceStateSnapshot("{}", 5, 3, ["state"], ["\"ON\""], ["state"], [2], ["\"ON\""], [4], [["\"ON\""]], [[1, 0, 0, 0, 1]], [[739000]], [[1, 0, 0, 0, 1]]),
        new DevicePropertiesChanged(7, ["state"], ["\"OFF\""], ["\"ON\""], ["commanded"]),
        new DeviceUsageImported([1, 2], ["state", "brightness"], ["\"OFF\"", null], ["\"ON\"", "3"], ["human", "automation"]),
    ];

    [Fact]
    public void Events_and_snapshots_of_the_shape_before_origins_still_read()
    {
        var serializer = (DeviceEventSerializer)Sys.Serialization.FindSerializerForType(typeof(DevicePropertiesChanged));

        var changed = Assert.IsType<DevicePropertiesChanged>(serializer.FromBinary(
            """{"AtUnixMs":1,"Paths":["state"],"OldValues":[null],"NewValues":["\"ON\""]}"""u8.ToArray(), "props"));
        var snapshot = Assert.IsType<DeviceStateSnapshot>(serializer.FromBinary(
            """{"DeviceJson":null,"LastSeenUnixMs":5,"StateChanges":3,"ValuePaths":[],"Values":[],"UsagePaths":["state"],"ChangeCounts":[2],"LastValues":["\"ON\""],"LastChangedUnixMs":[4],"DistinctValues":[["\"ON\""]]}"""u8.ToArray(), "snap"));

        Assert.Null(changed.Origins);
        Assert.Equal(["state"], changed.Paths);
        Assert.Null(snapshot.OriginCounts);
        Assert.Null(snapshot.UsageDays);
        Assert.Equal([2L], snapshot.ChangeCounts);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Journal_records_use_the_device_serializer_and_round_trip(object record)
    {
        var serialization = Sys.Serialization;
        var serializer = serialization.FindSerializerFor(record);
        Assert.IsType<DeviceEventSerializer>(serializer);

        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, record);
        var back = serialization.Deserialize(serializer.ToBinary(record), serializer.Identifier, manifest);

        Assert.Equal(Json(record), Json(back));
        Assert.Equal(record.GetType(), back.GetType());
    }

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o, o.GetType());
}
