using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>
/// The parser is total: mutated real device lists never make it throw, and damage to one device never costs the
/// others. FsCheck supplies the choices (which device, which node, which mutation, where to cut).
/// </summary>
public sealed class BridgeDevicesParserProperties
{
    /// <summary>A slice of the sample covering lights, switches, climate with schedules, presets as objects, the edge cases.</summary>
    private static readonly Lazy<IReadOnlyList<string>> Elements = new(() =>
    {
        var all = Z2mSample.CompactDeviceElements();
        return all.Where((_, i) => i % 10 == 0 || i >= all.Count - 8).ToList();
    });

    private static readonly Lazy<IReadOnlyList<string>> BaselineSignatures = new(() =>
        BridgeDevicesParser.Parse(Bytes(Elements.Value)).Devices.Select(Signature).ToList());

    private static byte[] Bytes(IEnumerable<string> elements) => Encoding.UTF8.GetBytes("[" + string.Join(",", elements) + "]");

    private static string Signature(ZigbeeDevice d) =>
        string.Join("\n", new[] { d.IeeeAddress, d.FriendlyName, d.Type, d.Model, d.InterviewState }
            .Concat(d.Features.Select(BridgeDevicesSampleTests.Signature)));

    [Fact]
    public void The_slice_parses_cleanly()
    {
        var result = BridgeDevicesParser.Parse(Bytes(Elements.Value));

        Assert.Empty(result.Errors);
        Assert.Equal(Elements.Value.Count, result.Devices.Count);
    }

    [Property(MaxTest = 300)]
    public bool Mutating_one_device_never_costs_the_others(NonNegativeInt deviceChoice, NonNegativeInt nodeChoice, NonNegativeInt mutationChoice)
    {
        var elements = Elements.Value.ToList();
        var target = deviceChoice.Get % elements.Count;
        elements[target] = Mutate(elements[target], nodeChoice.Get, mutationChoice.Get);

        var result = BridgeDevicesParser.Parse(Bytes(elements));

        var expectedOthers = BaselineSignatures.Value.Where((_, i) => i != target).ToList();
        var others = result.Devices.Select(Signature).ToList();
        if (others.Count == elements.Count)
        {
            others.RemoveAt(target);
        }

        return result.Devices.Count + result.Errors.Count == elements.Count && others.SequenceEqual(expectedOthers);
    }

    [Property(MaxTest = 200)]
    public bool A_truncated_list_keeps_every_device_before_the_cut(NonNegativeInt cutChoice)
    {
        var bytes = Bytes(Elements.Value);
        var cut = cutChoice.Get % bytes.Length;

        var result = BridgeDevicesParser.Parse(bytes.AsSpan(0, cut));

        var complete = CompleteElementsBefore(cut);
        return result.Devices.Select(Signature).SequenceEqual(BaselineSignatures.Value.Take(complete))
            && result.Errors.Count == 1;
    }

    [Property(MaxTest = 200)]
    public bool Corrupted_bytes_never_throw_and_keep_the_devices_before_the_damage(NonNegativeInt positionChoice, byte value)
    {
        var bytes = Bytes(Elements.Value);
        var position = positionChoice.Get % bytes.Length;
        bytes[position] = value;

        var result = BridgeDevicesParser.Parse(bytes);

        var intact = CompleteElementsBefore(position);
        return result.Devices.Count >= intact
            && result.Devices.Take(intact).Select(Signature).SequenceEqual(BaselineSignatures.Value.Take(intact));
    }

    [Property(MaxTest = 300)]
    public void Random_bytes_never_throw(byte[] bytes)
    {
        var result = BridgeDevicesParser.Parse(bytes);

        Assert.True(result.Devices.Count > 0 || result.Errors.Count > 0 || IsEmptyArray(bytes));
    }

    [Property(MaxTest = 300)]
    public void Random_text_never_throws_the_state_flattener(string text)
    {
        var ok = DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(text ?? string.Empty), out var values, out var error);

        Assert.Equal(ok, error is null);
        Assert.True(ok || values.Count == 0);
    }

    private static bool IsEmptyArray(byte[] bytes) => Encoding.UTF8.GetString(bytes).Trim() is "[]" or "\uFEFF[]";

    /// <summary>How many whole device elements end at or before byte <paramref name="position"/>.</summary>
    private static int CompleteElementsBefore(int position)
    {
        var end = 1;
        var complete = 0;
        foreach (var element in Elements.Value)
        {
            end += Encoding.UTF8.GetByteCount(element);
            if (end > position)
            {
                break;
            }

            complete++;
            end += 1;
        }

        return complete;
    }

    /// <summary>Applies one structural mutation to one node of a device's JSON; the result is always valid JSON.</summary>
    private static string Mutate(string deviceJson, int nodeChoice, int mutationChoice)
    {
        var root = JsonNode.Parse(deviceJson)!;
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
            () => new JsonArray(JsonValue.Create(1), new JsonObject { ["type"] = "gizmo" }),
            () => Deep(40),
            () => new JsonObject { ["type"] = "composite", ["features"] = new JsonArray(node.DeepClone()) },
        };
        var mutation = mutationChoice % (replacements.Length + 1);

        if (node.Parent is JsonObject parent)
        {
            var key = node.GetPropertyName();
            if (mutation == replacements.Length)
            {
                parent.Remove(key);
            }
            else
            {
                parent[key] = replacements[mutation]();
            }
        }
        else if (node.Parent is JsonArray array)
        {
            var index = node.GetElementIndex();
            if (mutation == replacements.Length)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = replacements[mutation]();
            }
        }
        else if (root is JsonObject device)
        {
            device.Remove(mutation % 2 == 0 ? "ieee_address" : "definition");
        }

        return root.ToJsonString();
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject { ["type"] = "numeric", ["property"] = "deep" };
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["type"] = "composite", ["name"] = "c", ["property"] = "c", ["features"] = new JsonArray(node) };
        }

        return node;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }
}
