using StatService.Data.Extracts;
using StatService.Data.Extracts.Derived;

namespace StatService.Data.Tests.Extracts.Synthetic;

[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractManifestTests(SyntheticExtractFixture fixture)
{
    [Fact]
    public void Manifest_names_a_synthetic_extract_with_its_seed_persons_and_coverage()
    {
        var manifest = ExtractManifest.Read(fixture.Main.Folder);

        Assert.Equal(ExtractManifest.CurrentSchemaVersion, manifest.SchemaVersion);
        Assert.Equal("synthetic", manifest.Kind);
        Assert.Equal($"synthetic-{SyntheticExtractFixture.Persons}-s{SyntheticExtractFixture.Seed}", manifest.ExtractVersion);
        Assert.Equal(SyntheticExtractFixture.From, manifest.CoverageFrom);
        Assert.Equal(SyntheticExtractFixture.To, manifest.CoverageTo);
        Assert.Equal(SyntheticExtractFixture.Seed, manifest.Seed);
        Assert.Equal(SyntheticExtractFixture.Persons, manifest.Persons);
    }

    [Fact]
    public void Manifest_lists_every_register_file_and_nothing_else_but_the_derived_tables_is_left_in_the_folder()
    {
        var manifest = ExtractManifest.Read(fixture.Main.Folder);
        string[] registers = ["cpr_person", "dodsaarsag", "lmdb", "lmdb_produkt", "lpr_f_diagnoser", "lpr_f_kontakter", "lpr_f_procedurer"];

        Assert.Equal(registers, manifest.Tables.Keys.Order(StringComparer.Ordinal));
        var files = Directory.EnumerateFileSystemEntries(fixture.Main.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        // The derived tables (sorted copies and the person index) live in their own folder with their own manifest.
        var expected = manifest.Tables.Values.Select(t => t.File).Append(ExtractManifest.FileName).Append(DerivedFiles.FolderName);
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
        Assert.True(File.Exists(Path.Combine(fixture.Main.Folder, DerivedFiles.FolderName, DerivedFiles.ManifestName)));
    }

    [Fact]
    public void Manifest_row_counts_equal_the_files_row_counts()
    {
        foreach (var (table, entry) in fixture.Main.Manifest.Tables)
        {
            Assert.Equal(entry.Rows, fixture.Main.Scalar<long>($"SELECT count(*) FROM {table}"));
            Assert.True(entry.Rows > 0, $"{table} is empty");
        }
    }
}
