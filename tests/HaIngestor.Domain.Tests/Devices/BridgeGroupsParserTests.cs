using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class BridgeGroupsParserTests
{
    private const string LivingRoom = """
        {"id":1,"friendly_name":"living_room_lights","description":null,
         "members":[{"ieee_address":"0x0017880104e45517","endpoint":11},{"ieee_address":"0xb43a311ae35f76c2","endpoint":1}],
         "scenes":[{"id":1,"name":"evening"}]}
        """;

    private const string Hall = """{"id":2,"friendly_name":"hall","members":[{"ieee_address":"0x00158d0001a2b3c4","endpoint":1}],"scenes":[]}""";

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static BridgeGroupsParseResult Parse(string json) => BridgeGroupsParser.Parse(Bytes(json));

    [Fact]
    public void Each_group_maps_its_friendly_name_to_its_members_ieee_addresses()
    {
        var result = Parse($"[{LivingRoom},{Hall}]");

        Assert.Empty(result.Errors);
        Assert.Equal(["living_room_lights", "hall"], result.Groups.Select(g => g.FriendlyName));
        Assert.Equal(["0x0017880104e45517", "0xb43a311ae35f76c2"], result.Groups[0].MemberIeeeAddresses);
        Assert.Equal(["0x00158d0001a2b3c4"], result.Groups[1].MemberIeeeAddresses);
    }

    [Fact]
    public void An_empty_list_has_no_groups_and_no_errors()
    {
        var result = Parse("[]");

        Assert.Empty(result.Groups);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Members_without_an_ieee_address_are_skipped_and_a_device_on_two_endpoints_counts_once()
    {
        var result = Parse("""
            [{"friendly_name":"g","members":[{"endpoint":1},{"ieee_address":null},"0x1",{"ieee_address":"0xa","endpoint":1},{"ieee_address":"0xa","endpoint":2}]}]
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["0xa"], result.Groups.Single().MemberIeeeAddresses);
    }

    [Fact]
    public void A_bad_group_is_an_error_for_it_and_the_others_are_kept()
    {
        var result = Parse($$"""[{{LivingRoom}},{"id":3,"members":[]},{"friendly_name":"x","members":"all"},42,{{Hall}}]""");

        Assert.Equal(["living_room_lights", "hall"], result.Groups.Select(g => g.FriendlyName));
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("group #1 has no friendly_name", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("group #2 (x) has no members array", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("group #3 is a JSON number", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"friendly_name":"g","members":[]}""")]
    [InlineData("null")]
    public void A_payload_that_is_no_json_array_is_one_error(string payload)
    {
        var result = Parse(payload);

        Assert.Empty(result.Groups);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_truncated_list_keeps_the_groups_before_the_cut()
    {
        var json = $"[{Hall},{LivingRoom}]";

        var result = Parse(json[..^20]);

        Assert.Equal(["hall"], result.Groups.Select(g => g.FriendlyName));
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Content_after_the_array_is_an_error_and_the_groups_are_kept()
    {
        var result = Parse($"[{Hall}] [");

        Assert.Equal(["hall"], result.Groups.Select(g => g.FriendlyName));
        Assert.Single(result.Errors);
    }

    [Property(MaxTest = 300)]
    public void Random_bytes_never_throw(byte[] bytes)
    {
        var result = BridgeGroupsParser.Parse(bytes);

        Assert.True(result.Groups.Count > 0 || result.Errors.Count > 0 || Encoding.UTF8.GetString(bytes).Trim() is "[]" or "\uFEFF[]");
    }

    [Property(MaxTest = 300)]
    public bool Corrupted_bytes_never_throw_and_keep_the_groups_before_the_damage(NonNegativeInt positionChoice, byte value)
    {
        var bytes = Bytes($"[{Hall},{LivingRoom}]");
        var position = positionChoice.Get % bytes.Length;
        bytes[position] = value;

        var result = BridgeGroupsParser.Parse(bytes);

        var hallIntact = position > Encoding.UTF8.GetByteCount(Hall) + 1;
        return !hallIntact || result.Groups.FirstOrDefault()?.FriendlyName == "hall";
    }

    [Property(MaxTest = 300)]
    public bool Mutating_one_group_never_costs_the_other(NonNegativeInt nodeChoice, NonNegativeInt mutationChoice, bool mutateFirst)
    {
        var mutated = Mutate(LivingRoom, nodeChoice.Get, mutationChoice.Get);
        var json = mutateFirst ? $"[{mutated},{Hall}]" : $"[{Hall},{mutated}]";

        var result = Parse(json);

        return result.Groups.Count + result.Errors.Count == 2
            && result.Groups.Any(g => g.FriendlyName == "hall" && g.MemberIeeeAddresses.SequenceEqual(["0x00158d0001a2b3c4"]));
    }

    /// <summary>Replaces or removes one node of a group's JSON; the result is always valid JSON.</summary>
    private static string Mutate(string groupJson, int nodeChoice, int mutationChoice)
    {
        var root = JsonNode.Parse(groupJson)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[nodeChoice % nodes.Count];
        var replacements = new Func<JsonNode?>[]
        {
            () => null,
            () => JsonValue.Create("x"),
            () => JsonValue.Create(-1.5e300),
            () => JsonValue.Create(true),
            () => new JsonArray(),
            () => new JsonObject(),
            () => new JsonArray(JsonValue.Create(1), new JsonObject { ["ieee_address"] = 7 }),
        };
        var mutation = mutationChoice % (replacements.Length + 1);
        switch (node.Parent)
        {
            case JsonObject parent when mutation == replacements.Length:
                parent.Remove(node.GetPropertyName());
                break;
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacements[mutation]();
                break;
            case JsonArray array when mutation == replacements.Length:
                array.RemoveAt(node.GetElementIndex());
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacements[mutation]();
                break;
            default:
                return replacements[mutation % replacements.Length]()?.ToJsonString() ?? "null";
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                Collect(child, into);
            }
        }
    }
}
