using System.Text;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Equal_bytes_give_the_same_instance_and_different_bytes_different_strings_past_many_growths()
    {
        var pool = new Utf8StringPool();
        var values = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? $"sensor.room_{i}_temperature" : i % 3 == 1 ? $"{i * 0.1:F1}" : $"ü{i}").ToList();

        var first = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))!).ToList();
        var second = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();

        Assert.Equal(values, first);
        Assert.All(values.Select((_, i) => i), i => Assert.Same(first[i], second[i]));
        Assert.Equal("", pool.Get([]));
    }

    [Fact]
    public void Invalid_utf8_gives_null()
    {
        var pool = new Utf8StringPool();

        Assert.Null(pool.Get([0x61, 0xC3]));
        Assert.Null(pool.Get([0xFF]));
        Assert.Equal("a\u00e9", pool.Get([0x61, 0xC3, 0xA9]));
    }

    [Fact]
    public void Values_longer_than_ha_allows_are_read_but_not_kept()
    {
        var pool = new Utf8StringPool();
        var longValue = new string('x', 5_000) + "ü";

        var first = pool.Get(Encoding.UTF8.GetBytes(longValue));
        var second = pool.Get(Encoding.UTF8.GetBytes(longValue));

        Assert.Equal(longValue, first);
        Assert.Equal(longValue, second);
        Assert.NotSame(first, second);
        Assert.Null(pool.Get([.. Encoding.UTF8.GetBytes(longValue), 0xFF]));
        Assert.Same(pool.Get("on"u8), pool.Get("on"u8));
    }
}
