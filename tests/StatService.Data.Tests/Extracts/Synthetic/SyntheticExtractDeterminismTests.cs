namespace StatService.Data.Tests.Extracts.Synthetic;

[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractDeterminismTests(SyntheticExtractFixture fixture)
{
    public static TheoryData<string> Tables => new()
    {
        "cpr_person", "dodsaarsag", "lpr_f_kontakter", "lpr_f_diagnoser", "lpr_f_procedurer", "lmdb", "lmdb_produkt",
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Same_seed_and_arguments_give_identical_tables_whatever_the_threads_and_memory(string table) =>
        Assert.Equal(fixture.Main.Checksum(table), fixture.Twin.Checksum(table));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Same_seed_and_arguments_give_rows_in_the_same_order(string table)
    {
        var main = fixture.Main.Rows($"SELECT hash(t) FROM {table} t").Select(r => r[0]);
        var twin = fixture.Twin.Rows($"SELECT hash(t) FROM {table} t").Select(r => r[0]);
        Assert.True(main.SequenceEqual(twin));
    }

    [Theory]
    [InlineData("cpr_person")]
    [InlineData("lpr_f_kontakter")]
    [InlineData("lpr_f_diagnoser")]
    [InlineData("lmdb")]
    public void Another_seed_gives_different_tables(string table) =>
        Assert.NotEqual(fixture.Main.Checksum(table).Hash, fixture.OtherSeed.Checksum(table).Hash);

    [Fact]
    public void Product_catalogue_is_the_same_for_every_seed() =>
        Assert.Equal(fixture.Main.Checksum("lmdb_produkt"), fixture.OtherSeed.Checksum("lmdb_produkt"));
}
