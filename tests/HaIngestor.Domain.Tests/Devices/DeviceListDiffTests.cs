using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class DeviceListDiffTests
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    private static DeviceListEntry Entry(string ieee, string name, params string[] features) => new(ieee, name, DeviceListEntry.Sorted(features));

    [Fact]
    public void The_same_list_twice_changes_nothing()
    {
        var list = DeviceListDiff.Summarise(Z2mSample.Devices.Devices);

        Assert.Empty(DeviceListDiff.Compare(list, DeviceListDiff.Summarise(Z2mSample.Devices.Devices), T0));
    }

    [Fact]
    public void A_first_list_adds_every_device_with_all_its_features()
    {
        var list = DeviceListDiff.Summarise(Z2mSample.Devices.Devices);

        var changes = DeviceListDiff.Compare([], list, T0);

        Assert.Equal(Z2mSample.Devices.Devices.Count, changes.Count);
        Assert.All(changes, c => Assert.Equal(DeviceListChangeKind.Added, c.Kind));
        var light = Z2mSample.Devices.Devices.First(d => d.Features.Any(f => f.Container == "light"));
        Assert.Equal(
            light.Features.Select(f => f.StatePath).Distinct().Order(StringComparer.Ordinal),
            changes.Single(c => c.IeeeAddress == light.IeeeAddress).AddedFeatures);
    }

    [Fact]
    public void A_rename_keeps_the_device_and_says_both_names()
    {
        var change = Assert.Single(DeviceListDiff.Compare(
            [Entry("0x01", "hall/ceiling", "state", "brightness")],
            [Entry("0x01", "hall/main", "state", "brightness")],
            T0));

        Assert.Equal(DeviceListChangeKind.Renamed, change.Kind);
        Assert.Equal("hall/main", change.FriendlyName);
        Assert.Equal("hall/ceiling", change.PreviousFriendlyName);
        Assert.Empty(change.AddedFeatures);
        Assert.Empty(change.RemovedFeatures);
    }

    [Fact]
    public void Added_removed_and_changed_devices_are_told_apart()
    {
        var changes = DeviceListDiff.Compare(
            [Entry("0x01", "lamp", "state", "brightness"), Entry("0x02", "plug", "state", "power")],
            [Entry("0x01", "desk lamp", "state", "brightness", "color_temp"), Entry("0x03", "motion", "occupancy")],
            T0);

        Assert.Equal(
            ["Added 0x03", "Removed 0x02", "Renamed 0x01", "FeaturesChanged 0x01"],
            changes.Select(c => $"{c.Kind} {c.IeeeAddress}"));
        var features = changes.Single(c => c.Kind == DeviceListChangeKind.FeaturesChanged);
        Assert.Equal(["color_temp"], features.AddedFeatures);
        Assert.Empty(features.RemovedFeatures);
        Assert.Equal("desk lamp", features.FriendlyName);
        Assert.Equal(["power", "state"], changes.Single(c => c.Kind == DeviceListChangeKind.Removed).RemovedFeatures);
        Assert.Equal("plug", changes.Single(c => c.Kind == DeviceListChangeKind.Removed).FriendlyName);
    }

    [Fact]
    public void The_event_json_names_the_change_and_its_features()
    {
        var change = new DeviceListChange(DeviceListChangeKind.Renamed, T0, "0x01", "hall/main", "hall/ceiling", [], []);

        using var json = JsonDocument.Parse(DeviceListChangeJson.ToUtf8(change));

        Assert.Equal("renamed", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("2025-04-02T18:00:00.000Z", json.RootElement.GetProperty("at").GetString());
        Assert.Equal("0x01", json.RootElement.GetProperty("ieee_address").GetString());
        Assert.Equal("hall/ceiling", json.RootElement.GetProperty("previous_friendly_name").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("added_features").GetArrayLength());
    }

    private static readonly string[] Names = ["lamp", "plug", "motion", "hall/main", "Küche"];
    private static readonly string[] Features = ["state", "brightness", "color_temp", "power", "occupancy", "state_l1", "color.x"];

    private static Gen<IReadOnlyList<DeviceListEntry>> Lists() =>
        Gen.ListOf(
                from ieee in Gen.Choose(1, 12)
                from name in Gen.Elements(Names)
                from features in Gen.SubListOf(Features)
                select Entry($"0x{ieee:x2}", name, [.. features]))
            .Select(entries => DeviceListDiff.Apply([], entries.Select(e => new DeviceListChange(DeviceListChangeKind.Added, T0, e.IeeeAddress, e.FriendlyName, null, e.Features, []))));

    [Property(MaxTest = 300)]
    public Property Applying_the_changes_to_the_older_list_gives_the_newer_one() =>
        Prop.ForAll(Lists().ToArbitrary(), Lists().ToArbitrary(), (before, after) =>
        {
            var changes = DeviceListDiff.Compare(before, after, T0);
            var rebuilt = DeviceListDiff.Apply(before, changes);
            return rebuilt.SequenceEqual(after) && (changes.Count == 0) == before.SequenceEqual(after);
        });
}
