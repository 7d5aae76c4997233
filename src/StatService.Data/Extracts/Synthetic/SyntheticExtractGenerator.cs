using System.Diagnostics;
using System.Globalization;
using StatService.Data.Extracts.Derived;

namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// Generates a synthetic extract: Parquet files shaped like the national registers, with plausible,
/// correlated content, and a manifest written last. DuckDB does the work in SQL (see <c>Sql/</c>);
/// every random draw is a hash of the seed and what is drawn, so a seed reproduces the same tables.
/// </summary>
public static class SyntheticExtractGenerator
{
    public const string Kind = "synthetic";

    private const string WorkFolderName = ".generating";

    public static Task<ExtractManifest> GenerateAsync(
        SyntheticExtractOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return GenerateValidatedAsync(options, progress, ct);
    }

    private static async Task<ExtractManifest> GenerateValidatedAsync(
        SyntheticExtractOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        if (File.Exists(Path.Combine(output, ExtractManifest.FileName)))
        {
            throw new InvalidOperationException("The output folder already holds an extract; extracts are immutable.");
        }

        Directory.CreateDirectory(output);
        var work = Path.Combine(output, WorkFolderName);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true); // left by an interrupted run
        }

        Directory.CreateDirectory(work);
        var tables = new Dictionary<string, ExtractTable>(StringComparer.Ordinal);
        var written = new List<string>();
        try
        {
            using (var db = await SyntheticDatabase.OpenAsync(work, options.EffectiveMemoryLimitBytes, options.EffectiveThreads, ct)
                       .ConfigureAwait(false))
            {
                await BuildPopulationAsync(db, options, progress, ct).ConfigureAwait(false);
                var writer = new SortedParquetWriter(db, work, options.MaxSortRows, options.Persons * options.Years, progress);
                foreach (var register in SyntheticRegister.All)
                {
                    written.Add(Path.Combine(output, register.FileName));
                    tables[register.Table] = await WriteRegisterAsync(db, writer, register, output, progress, ct).ConfigureAwait(false);
                }
            }

            var manifest = new ExtractManifest
            {
                SchemaVersion = ExtractManifest.CurrentSchemaVersion,
                ExtractVersion = options.ExtractVersion,
                Kind = Kind,
                CoverageFrom = options.From,
                CoverageTo = options.To,
                CreatedAt = DateTimeOffset.UtcNow,
                Seed = options.Seed,
                Persons = options.Persons,
                Tables = tables,
                Files = tables.Values.Select(t => ExtractFileChecksum.Of(output, t.File)).ToList(),
            };
            manifest.Write(output);
            // The cohort-shaped copies, so the version's first order does not wait for them (see DerivedFiles).
            var derivedClock = Stopwatch.StartNew();
            DerivedFiles.WriteFor(output, DerivedTables.Load(DerivedTables.DefaultDirectory), $"{options.EffectiveMemoryLimitBytes / (1024 * 1024)}MB");
            progress?.Report(FormattableString.Invariant($"derived tables: {derivedClock.Elapsed.TotalSeconds:F1} s"));
            return manifest;
        }
        catch
        {
            // Without a manifest the files are no extract; do not leave them looking like one.
            written.ForEach(File.Delete);
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task BuildPopulationAsync(
        SyntheticDatabase db, SyntheticExtractOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await db.SetVariableAsync("seed", options.Seed, ct).ConfigureAwait(false);
        await db.SetVariableAsync("persons", options.Persons, ct).ConfigureAwait(false);
        await db.SetVariableAsync("from_date", options.From, ct).ConfigureAwait(false);
        await db.SetVariableAsync("to_date", options.To, ct).ConfigureAwait(false);
        await db.SetVariableAsync("scale", options.Scale, ct).ConfigureAwait(false);
        await db.SetVariableAsync("years", options.Years, ct).ConfigureAwait(false);

        foreach (var script in SyntheticSql.Reference.Concat(SyntheticSql.Population))
        {
            await db.ExecuteAsync(SyntheticSql.Load(script), ct).ConfigureAwait(false);
        }

        var (death, emigration) = await ExitCalibration.CalibrateAsync(db, options, ct).ConfigureAwait(false);
        await db.SetVariableAsync("death_scale", death, ct).ConfigureAwait(false);
        await db.SetVariableAsync("emigration_scale", emigration, ct).ConfigureAwait(false);
        await db.ExecuteAsync(SyntheticSql.Load(SyntheticSql.Exits), ct).ConfigureAwait(false);

        var persons = await db.ScalarAsync<long>("SELECT count(*) FROM person_full", ct).ConfigureAwait(false);
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"population: {persons:N0} persons, {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task<ExtractTable> WriteRegisterAsync(SyntheticDatabase db, SortedParquetWriter writer,
        SyntheticRegister register, string output, IProgress<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.Combine(output, register.FileName);
        await db.ExecuteAsync(SyntheticSql.Load(register.Script), ct).ConfigureAwait(false);
        await writer.WriteAsync(register, file, ct).ConfigureAwait(false);
        var rows = await db.ScalarAsync<long>(
            $"SELECT count(*) FROM read_parquet({SyntheticDatabase.Literal(file)})", ct).ConfigureAwait(false);
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"{register.Table}: {rows:N0} rows, {clock.Elapsed.TotalSeconds:F1} s"));
        return new ExtractTable(register.FileName, rows);
    }
}
