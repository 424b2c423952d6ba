using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class HomeJsonReaderTests
{
    [Fact]
    public void Ordonez_a_home_reads_time_zone_location_areas_and_entities()
    {
        var home = HomeJsonReader.ReadFile(Path.Combine(TestFiles.RealHome("ordonez_a"), "home.json"));

        Assert.Equal("Europe/Madrid", home.TimeZoneId);
        Assert.Equal(40.42, home.Latitude);
        Assert.Equal(-3.7, home.Longitude);
        Assert.Equal(["bathroom", "bedroom", "entrance", "kitchen", "living_room"], home.Areas);
        Assert.Equal(12, home.EntityAreas.Count);
        Assert.Equal("bedroom", home.EntityAreas["binary_sensor.bed_pressure"]);
        Assert.StartsWith("UCI ADL", home.Name);
        Assert.Equal("Europe/Madrid", home.Calendar.TimeZone.Id);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "home.json");

        var error = Assert.Throws<HomeFileException>(() => HomeJsonReader.ReadFile(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "no time_zone")]
    [InlineData("""{"time_zone":""}""", "no time_zone")]
    [InlineData("""{"time_zone":"Mars/Olympus_Mons"}""", "Mars/Olympus_Mons")]
    [InlineData("""{"time_zone":"Europe/Madrid","latitude":123}""", "latitude")]
    [InlineData("""{"time_zone":"Europe/Madrid","longitude":"west"}""", "longitude")]
    [InlineData("""{"time_zone":"Europe/Madrid",""", "not valid JSON")]
    [InlineData("""["Europe/Madrid"]""", "not a JSON object")]
    [InlineData("""{"time_zone":"Europe/Madrid","name":"casa \ud800"}""", "not valid Unicode")]
    [InlineData("""{"time_zone":"Europe/Madrid","areas":["\udc00"]}""", "not valid Unicode")]
    [InlineData("""{"time_zone":"Europe/Madrid","entities":[{"entity_id":"light.a","area":"\ud800x"}]}""", "not valid Unicode")]
    public void Unusable_home_is_a_clear_error(string json, string expected)
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("home.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<HomeFileException>(() => HomeJsonReader.ReadFile(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Only_the_time_zone_is_required_and_entity_areas_join_the_area_list()
    {
        var home = HomeJsonReader.Parse("""
            {"time_zone":"America/New_York","areas":["kitchen"],
             "entities":[{"entity_id":"light.hall","area":"hall"},{"entity_id":"light.kitchen","area":"kitchen"},{"entity_id":"switch.x"},{"area":"lost"}]}
            """);

        Assert.Equal("home", home.Name);
        Assert.Null(home.Latitude);
        Assert.Equal(["kitchen", "hall"], home.Areas);
        Assert.Equal(2, home.EntityAreas.Count);
    }
}
