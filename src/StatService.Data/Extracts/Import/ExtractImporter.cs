using System.Globalization;
using System.Security.Cryptography;
using StatService.Data.Extracts.Derived;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// Imports a register delivery as a new, immutable extract version: finds the register files, stages
/// and validates them (<see cref="DeliveryValidation"/>), refuses the delivery on any error, and
/// otherwise writes one DuckDB database with every register sorted for row-group pruning plus
/// <c>manifest.json</c>, in a hidden work folder that is renamed into place when complete.
/// </summary>
public static class ExtractImporter
{
    public const string Kind = "imported";
    public const string DatabaseFile = "extract.duckdb";

    private const string WorkPrefix = ".importing-";

    public static Task<ExtractImportResult> ImportAsync(ExtractImportRequest request, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Import(request, progress, ct), ct);
    }

    private static ExtractImportResult Import(ExtractImportRequest request, IProgress<string>? userProgress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = userProgress is null ? null : new Progress(userProgress, clock);
        if (!ExtractImportRequest.IsValidVersion(request.Version))
        {
            throw new ArgumentException($"'{request.Version}' is not a valid version name: use letters, digits, '.', '_' and '-'.", nameof(request));
        }

        if (!Directory.Exists(request.FromDirectory))
        {
            throw new DirectoryNotFoundException($"The delivery folder '{request.FromDirectory}' does not exist.");
        }

        var extracts = Path.GetFullPath(request.ExtractsDirectory);
        var final = Path.Combine(extracts, request.Version);
        if (Directory.Exists(final) || File.Exists(final))
        {
            throw new InvalidOperationException($"Extract version '{request.Version}' already exists; versions are never overwritten.");
        }

        var files = DeliveryFile.Find(request.FromDirectory, request.Format);
        var problems = new List<ImportProblem>();
        foreach (var register in ImportSchema.Registers.Where(r => r.Required && files.All(f => f.Table != r.Table)))
        {
            problems.Add(new ImportProblem(ProblemSeverity.Error, register.Table, null,
                $"no file for this register (accepted names: {string.Join(", ", DeliveredNames.Tables[register.Table])}, as .parquet or .csv)", 0, []));
        }

        Refuse(problems);
        Directory.CreateDirectory(extracts);
        var work = Path.Combine(extracts, WorkPrefix + request.Version + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var today = DateOnly.FromDateTime(request.Clock.GetUtcNow().UtcDateTime);
            var tables = new Dictionary<string, ExtractTable>(StringComparer.Ordinal);
            var sourceRows = new Dictionary<string, long>(StringComparer.Ordinal);
            DateOnly from, to;
            using (var db = new ImportDatabase(Path.Combine(work, "staging.duckdb"), Path.Combine(work, "tmp")) { Cancellation = ct })
            {
                progress?.Report($"reading {files.Count} files");
                var staged = DeliveryStaging.Stage(db, files, problems);
                Refuse(problems);
                foreach (var file in staged)
                {
                    sourceRows[file.File.Path] = Convert.ToInt64(db.Rows($"SELECT count(*) FROM {file.Relation}").Single()[0], CultureInfo.InvariantCulture);
                }

                var validation = new DeliveryValidation(db, staged, today);
                validation.CreateTypedViews();
                progress?.Report("validating");
                problems.AddRange(validation.Check(request.CodeLists));
                Refuse(problems);

                progress?.Report("writing the extract database");
                db.Execute($"ATTACH {TypedColumns.Literal(Path.Combine(work, DatabaseFile))} AS extract_out");
                foreach (var register in ImportSchema.Registers)
                {
                    var rows = WriteTable(db, register, present: validation.Tables.Contains(register.Table));
                    tables[register.Table] = new ExtractTable(DatabaseFile, rows);
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{register.Table}: {rows:N0} rows"));
                }

                (from, to) = Coverage(db);
                db.Execute("DETACH extract_out");
            }

            foreach (var leftover in Directory.EnumerateFileSystemEntries(work).Where(p => Path.GetFileName(p) != DatabaseFile))
            {
                if (Directory.Exists(leftover))
                {
                    Directory.Delete(leftover, recursive: true);
                }
                else
                {
                    File.Delete(leftover);
                }
            }

            var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList();
            var manifest = new ExtractManifest
            {
                SchemaVersion = ExtractManifest.CurrentSchemaVersion,
                ExtractVersion = request.Version,
                Kind = Kind,
                Database = DatabaseFile,
                CoverageFrom = from,
                CoverageTo = to,
                CreatedAt = request.Clock.GetUtcNow(),
                Tables = tables,
                Files = [ExtractFileChecksum.Of(work, DatabaseFile)],
                Sources = files.Select(f => Source(f, sourceRows, ct)).ToList(),
                Warnings = warnings.Select(w => w.ToString()).ToList(),
            };
            manifest.Write(work);
            DerivedFiles.WriteFor(work, DerivedTables.Load(DerivedTables.DefaultDirectory));
            // The folder appears complete or not at all; Move fails rather than overwrite a version made meanwhile.
            Directory.Move(work, final);
            return new ExtractImportResult(manifest, final, warnings);
        }
        catch
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            throw;
        }
    }

    private static long WriteTable(ImportDatabase db, ImportRegister register, bool present)
    {
        var target = $"extract_out.{register.Table}";
        if (!present)
        {
            // An optional register not delivered is an empty table, so queries that name it still run.
            db.Execute($"CREATE TABLE {target} ({string.Join(", ", register.Columns.Select(c => $"{c.Name} {ImportSchema.SqlType(c.Type)}"))})");
            return 0;
        }

        var columns = string.Join(", ", register.Columns.Select(c => $"t.{c.Name}"));
        var join = register.OrderByContactDate
            ? $" LEFT JOIN (SELECT dw_ek_kontakt, dato_start AS contact_start FROM typed_{RegisterNames.Contacts}) k ON k.dw_ek_kontakt = t.dw_ek_kontakt"
            : string.Empty;
        db.Execute($"CREATE TABLE {target} AS SELECT {columns} FROM typed_{register.Table} t{join} ORDER BY {register.OrderBy}");
        return Convert.ToInt64(db.Rows($"SELECT count(*) FROM {target}").Single()[0], CultureInfo.InvariantCulture);
    }

    // The period every event register covers: from the later of the first contact and first dispensing to the earlier of the last ones.
    private static (DateOnly From, DateOnly To) Coverage(ImportDatabase db)
    {
        var row = db.Rows($"""
            SELECT greatest((SELECT min(dato_start) FROM extract_out.{RegisterNames.Contacts}), (SELECT min(eksd) FROM extract_out.{RegisterNames.Prescriptions})),
                   least((SELECT max(dato_start) FROM extract_out.{RegisterNames.Contacts}), (SELECT max(eksd) FROM extract_out.{RegisterNames.Prescriptions}))
            """).Single();
        var (from, to) = (AsDate(row[0]), AsDate(row[1]));
        if (from > to)
        {
            throw new ExtractImportException([new ImportProblem(ProblemSeverity.Error, "delivery", null,
                $"contacts and dispensings do not overlap in time (coverage would be {from:yyyy-MM-dd} to {to:yyyy-MM-dd})", 0, [])]);
        }

        return (from, to);
    }

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidDataException("Coverage could not be measured: a register has no dates."),
    };

    private static SourceFile Source(DeliveryFile file, IReadOnlyDictionary<string, long> rows, CancellationToken ct)
    {
        using var stream = File.OpenRead(file.Path);
        ct.ThrowIfCancellationRequested();
        var hash = SHA256.HashData(stream);
        return new SourceFile(file.Table, file.Name, file.Format == DeliveryFormat.Csv ? "csv" : "parquet", Convert.ToHexStringLower(hash), stream.Length, rows[file.Path]);
    }

    // Each line says when it happened, so the slow stage of a large import is plain.
    private sealed class Progress(IProgress<string> inner, System.Diagnostics.Stopwatch clock)
    {
        public void Report(string line) => inner.Report(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:F1} s  {line}"));
    }

    private static void Refuse(List<ImportProblem> problems)
    {
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            throw new ExtractImportException(problems);
        }
    }
}
