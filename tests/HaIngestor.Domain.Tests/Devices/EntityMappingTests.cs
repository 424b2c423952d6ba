using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class EntityMappingTests
{
    private static readonly ZigbeeDevice Remote = new(
        "0x0102030405060708", "Hall/Remote", "EndDevice", "R", "V", null, true, false, "SUCCESSFUL",
        [
            new DeviceFeature("action", "action", "action", "enum", FeatureAccess.FromBits(1), Values: ["single", "double"]),
            new DeviceFeature("battery", "battery", "battery", "numeric", FeatureAccess.FromBits(5), Category: "diagnostic"),
            new DeviceFeature("note", "note", "note", "text", FeatureAccess.FromBits(3)),
            new DeviceFeature("temperature", "temperature_l1", "temperature_l1", "numeric", FeatureAccess.FromBits(1), Endpoint: "l1"),
            new DeviceFeature("mode", "operationMode", "operationMode", "enum", FeatureAccess.FromBits(7)),
            new DeviceFeature("brightness", "brightness", "brightness", "numeric", FeatureAccess.FromBits(7), Container: "light"),
        ]);

    private static DeviceFeature Feature(string path) => Remote.Features.Single(f => f.Path == path);

    [Fact]
    public void Empty_and_null_actions_give_no_state()
    {
        Assert.True(EntityMapping.TryMap(Remote, Feature("action"), "\"single\"", out var entityId, out var state));
        Assert.Equal(("sensor.hall_remote_action", "single"), (entityId, state));
        Assert.False(EntityMapping.TryMap(Remote, Feature("action"), "\"\"", out _, out _));
        Assert.False(EntityMapping.TryMap(Remote, Feature("action"), "null", out _, out _));
    }

    [Fact]
    public void Diagnostic_text_and_container_members_are_no_entities()
    {
        Assert.Null(EntityMapping.EntityIdOf(Remote, Feature("battery")));
        Assert.Null(EntityMapping.EntityIdOf(Remote, Feature("note")));
        Assert.Null(EntityMapping.EntityIdOf(Remote, Feature("brightness")));
    }

    [Fact]
    public void Top_level_properties_carry_their_endpoint_suffix_once_and_are_slugged()
    {
        Assert.Equal("sensor.hall_remote_temperature_l1", EntityMapping.EntityIdOf(Remote, Feature("temperature")));
        Assert.Equal("select.hall_remote_operationmode", EntityMapping.EntityIdOf(Remote, Feature("mode")));
    }
}
