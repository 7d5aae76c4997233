using StatService.Data.Extracts;
using StatService.Data.Extracts.Derived;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Data.Tests.Extracts.Derived;

/// <summary>
/// The derived tables a version is read through: written with the version, made at open for a version without them,
/// made again when damaged, and holding exactly the rows of their definitions over the registers.
/// </summary>
public sealed class DerivedFilesTests : IAsyncLifetime, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"statservice-derived-tests-{Guid.NewGuid():N}");
    private string _version = string.Empty;

    private string Folder => Path.Combine(_root, _version);

    private string DerivedFolder => Path.Combine(Folder, DerivedFiles.FolderName);

    public async Task InitializeAsync()
    {
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 3_000,
            From = new DateOnly(2021, 1, 1),
            To = new DateOnly(2022, 12, 31),
            Seed = 5,
            OutputDirectory = Path.Combine(_root, "synthetic-3000-s5"),
        });
        _version = manifest.ExtractVersion;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void The_generator_writes_them_with_the_version() =>
        Assert.True(File.Exists(Path.Combine(DerivedFolder, DerivedFiles.ManifestName)));

    [Fact]
    public void A_version_without_them_gets_them_at_open_with_the_rows_of_their_definitions()
    {
        Directory.Delete(DerivedFolder, recursive: true);
        using var databases = new ExtractDatabases(new ExtractRegistry(_root), new ExtractOptions());
        using var connection = databases.Connect(_version);

        Assert.True(File.Exists(Path.Combine(DerivedFolder, DerivedFiles.ManifestName)));
        Assert.Equal(DerivedFiles.Source.Files, databases.DerivedSourceOf(_version));
        AssertSameRowsAsDefinitions(connection);
    }

    [Fact]
    public void A_damaged_file_is_made_again_at_open()
    {
        var file = Path.Combine(DerivedFolder, "dx_events.parquet");
        var original = File.ReadAllBytes(file);
        var damaged = (byte[])original.Clone();
        damaged[damaged.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, damaged);

        using var databases = new ExtractDatabases(new ExtractRegistry(_root), new ExtractOptions());
        using var connection = databases.Connect(_version);

        Assert.Equal(original, File.ReadAllBytes(file));
        AssertSameRowsAsDefinitions(connection);
    }

    [Fact]
    public void Changed_definitions_make_them_again_at_open()
    {
        // A version written before a definition changed (or a table was added) must not be read through the old files.
        var before = File.ReadAllText(Path.Combine(DerivedFolder, DerivedFiles.ManifestName));
        var definitions = Path.Combine(_root, "definitions");
        Directory.CreateDirectory(definitions);
        foreach (var file in Directory.GetFiles(DerivedTables.DefaultDirectory, "*.sql"))
        {
            File.Copy(file, Path.Combine(definitions, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(definitions, "dispensing_events.sql"), "\nWHERE l.eksd >= DATE '2022-01-01'");

        using var databases = new ExtractDatabases(new ExtractRegistry(_root), new ExtractOptions(), definitions);
        using var connection = databases.Connect(_version);

        Assert.NotEqual(before, File.ReadAllText(Path.Combine(DerivedFolder, DerivedFiles.ManifestName)));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FILTER (WHERE eksd < DATE '2022-01-01'), count(*) FROM dispensing_events";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) > 0);
    }

    [Fact]
    public void A_version_whose_files_cannot_be_made_is_served_by_its_definitions_and_can_still_spill()
    {
        // Making the files fails halfway (a table whose rows raise an error): the version is served by the definitions,
        // and its database must not be left spilling into the folder the failed attempt worked in (and removed).
        Directory.Delete(DerivedFolder, recursive: true);
        var definitions = Path.Combine(_root, "definitions");
        Directory.CreateDirectory(definitions);
        foreach (var file in Directory.GetFiles(DerivedTables.DefaultDirectory, "*.sql"))
        {
            File.Copy(file, Path.Combine(definitions, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(definitions, "zz_fails.sql"), "-- order by: x\nSELECT CASE WHEN pid >= 0 THEN error('made to fail') END AS x FROM person_index\n");

        using var databases = new ExtractDatabases(new ExtractRegistry(_root), new ExtractOptions { MemoryLimit = "64MB", Threads = 1 }, definitions);
        using var connection = databases.Connect(_version);

        Assert.False(Directory.Exists(DerivedFolder));
        Assert.Equal(DerivedFiles.Source.Definitions, databases.DerivedSourceOf(_version));
        using var command = connection.CreateCommand();
        // A sort of about 300 MB under a 64 MB limit has to spill.
        command.CommandText = "SELECT max(rn), count(*) FROM (SELECT row_number() OVER (ORDER BY s) AS rn FROM (SELECT md5(CAST(i AS VARCHAR)) || md5(CAST(i + 1 AS VARCHAR)) AS s FROM range(3000000) t(i)))";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(3_000_000L, reader.GetInt64(1));
        Assert.Equal(3_000_000L, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AssertSameRowsAsDefinitions(DuckDB.NET.Data.DuckDBConnection connection)
    {
        foreach (var table in DerivedTables.Load(DerivedTables.DefaultDirectory).Tables)
        {
            using var command = connection.CreateCommand();
            // Rows in one and not the other, either way (with multiplicity), must be none; and there must be rows.
            command.CommandText = $"""
                SELECT (SELECT count(*) FROM (SELECT * FROM {table.Name} EXCEPT ALL SELECT * FROM ({table.Sql}
                ))) + (SELECT count(*) FROM (SELECT * FROM ({table.Sql}
                ) EXCEPT ALL SELECT * FROM {table.Name})), (SELECT count(*) FROM {table.Name})
                """;
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(0L, reader.GetInt64(0));
            Assert.True(reader.GetInt64(1) > 0, $"{table.Name} is empty");
        }
    }
}
