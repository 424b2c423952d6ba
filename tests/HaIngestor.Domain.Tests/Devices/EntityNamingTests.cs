using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class EntityNamingTests
{
    [Theory]
    [InlineData("Kitchen Spot", "kitchen_spot")]
    [InlineData("Salón/M415 5c", "salon_m415_5c")]
    [InlineData("  __Master Bedroom//Ceiling Fan!!", "master_bedroom_ceiling_fan")]
    [InlineData("Größe Ü", "gro_e_u")]
    [InlineData("0x90fd9f7f4a90b1a7", "0x90fd9f7f4a90b1a7")]
    [InlineData("ÉTÉ", "ete")]
    [InlineData("日本", "")]
    [InlineData("", "")]
    public void Slug_keeps_ascii_letters_and_digits_joined_by_single_underscores(string text, string slug) =>
        Assert.Equal(slug, EntityNaming.Slug(text));

    [Fact]
    public void Slug_survives_a_lone_surrogate() =>
        Assert.Equal("a_b", EntityNaming.Slug("a\ud800b"));

    [Theory]
    [InlineData("Salón/M415 5c", "salon")]
    [InlineData("outside/bathroom/relay", "outside")]
    [InlineData("Kitchen Spot", null)]
    [InlineData("/lamp", null)]
    [InlineData("日本/lamp", null)]
    public void Area_is_the_slug_before_the_first_slash(string friendlyName, string? area) =>
        Assert.Equal(area, EntityNaming.AreaOf(friendlyName));

    [Fact]
    public void A_name_without_ascii_falls_back_to_the_ieee_address()
    {
        Assert.Equal("a4c138f1d2e3b4a5", EntityNaming.DeviceSlug("日本", "0xa4c138f1d2e3b4a5"));
        Assert.Equal("kitchen", EntityNaming.DeviceSlug("Kitchen", "0xa4c138f1d2e3b4a5"));
    }

    [Fact]
    public void Entity_ids_append_the_slugged_suffix()
    {
        Assert.Equal("switch.plug_l1", EntityNaming.EntityId("switch", "plug", "l1"));
        Assert.Equal("number.plug_mmwaveheightmin", EntityNaming.EntityId("number", "plug", "mmWaveHeightMin"));
        Assert.Equal("light.plug", EntityNaming.EntityId("light", "plug", null));
    }
}
