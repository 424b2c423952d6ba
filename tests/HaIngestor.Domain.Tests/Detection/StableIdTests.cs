using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class StableIdTests
{
    [Fact]
    public void Is_the_start_of_the_sha256_of_the_key()
    {
        Assert.Equal("ba7816bf8f01", StableId.Hex("abc"));
        Assert.Equal("ba7816b", StableId.Hex("abc", 7));
    }

    [Fact]
    public void Parts_are_not_confused_by_where_they_split()
    {
        Assert.NotEqual(StableId.Of("light.a", "bon"), StableId.Of("light.ab", "on"));
        Assert.Equal(StableId.Of("light.a", "on"), StableId.Of("light.a", "on"));
        Assert.Matches("^[0-9a-f]{12}$", StableId.Of("light.a", "on"));
    }
}
