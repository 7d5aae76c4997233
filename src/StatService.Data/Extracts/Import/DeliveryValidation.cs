using System.Globalization;
using StatService.Core.CodeLists;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// Builds a typed view per register over its staged files (<c>typed_{table}</c>, with <c>_file</c>,
/// <c>_row</c> and the delivered text of each column as <c>raw__{column}</c>) and checks the delivery:
/// required values, types, code formats and date ranges per column; unique keys; references between
/// registers; codes unknown to the code lists (warnings). Each finding counts its rows and names the first few.
/// </summary>
internal sealed class DeliveryValidation(ImportDatabase db, IReadOnlyList<StagedFile> staged, DateOnly today)
{
    private const int Examples = 5;

    private static readonly (string Child, string Column, string Parent, ProblemSeverity Severity, string Problem)[] References =
    [
        (RegisterNames.Diagnoses, "dw_ek_kontakt", RegisterNames.Contacts, ProblemSeverity.Error, "diagnosis of a contact that is not in lpr_f_kontakter"),
        (RegisterNames.Procedures, "dw_ek_kontakt", RegisterNames.Contacts, ProblemSeverity.Error, "procedure of a contact that is not in lpr_f_kontakter"),
        (RegisterNames.Contacts, "pnr", RegisterNames.Person, ProblemSeverity.Error, "person not in cpr_person"),
        (RegisterNames.Prescriptions, "pnr", RegisterNames.Person, ProblemSeverity.Error, "person not in cpr_person"),
        (RegisterNames.CauseOfDeath, "pnr", RegisterNames.Person, ProblemSeverity.Error, "person not in cpr_person"),
        (RegisterNames.Prescriptions, "vnr", RegisterNames.Products, ProblemSeverity.Warning, "product number not in lmdb_produkt"),
    ];

    public IEnumerable<string> Tables => staged.Select(s => s.File.Table).Distinct();

    public void CreateTypedViews()
    {
        foreach (var group in staged.GroupBy(s => s.File.Table))
        {
            var register = ImportSchema.Register(group.Key);
            var selects = group.Select(file =>
            {
                var columns = register.Columns.SelectMany(c => file.Columns.TryGetValue(c.Name, out var source)
                    ? new[] { $"{TypedColumns.Typed(c, TypedColumns.Identifier(source.Delivered), source.Type)} AS {c.Name}", $"{TypedColumns.Text(TypedColumns.Identifier(source.Delivered))} AS raw__{c.Name}" }
                    : [$"{TypedColumns.Null(c.Type)} AS {c.Name}", $"CAST(NULL AS VARCHAR) AS raw__{c.Name}"]);
                return $"SELECT {file.Index} AS _file, {file.RowNumber} AS _row, {string.Join(", ", columns)} FROM {file.Relation}";
            });
            db.Execute($"CREATE VIEW typed_{register.Table} AS {string.Join(" UNION ALL ", selects)}");
        }
    }

    public List<ImportProblem> Check(CodeListSet? codeLists)
    {
        var problems = new List<ImportProblem>();
        var tables = Tables.ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            problems.AddRange(CheckColumns(ImportSchema.Register(table)));
            if (ImportSchema.Register(table).UniqueKey is { } key)
            {
                problems.AddRange(CheckUnique(table, key));
            }
        }

        foreach (var reference in References.Where(r => tables.Contains(r.Child) && tables.Contains(r.Parent)))
        {
            problems.AddRange(CheckReference(reference.Child, reference.Column, reference.Parent, reference.Severity, reference.Problem));
        }

        foreach (var table in new[] { RegisterNames.Person, RegisterNames.Contacts, RegisterNames.Prescriptions }.Where(tables.Contains))
        {
            if (Count(table) == 0)
            {
                problems.Add(new ImportProblem(ProblemSeverity.Error, FilesOf(table), null, "has no rows", 0, []));
            }
        }

        if (codeLists is not null)
        {
            problems.AddRange(CheckKnownCodes(RegisterNames.Diagnoses, "diagnosekode", codeLists.Icd10, 4, "ICD-10 (SKS)"));
            problems.AddRange(CheckKnownCodes(RegisterNames.Prescriptions, "atc", codeLists.Atc, 1, "ATC"));
        }

        return problems;
    }

    private IEnumerable<ImportProblem> CheckColumns(ImportRegister register)
    {
        var checks = new List<(ImportColumn Column, ProblemSeverity Severity, string Problem, string Condition)>();
        foreach (var c in register.Columns)
        {
            if (c.Required)
            {
                checks.Add((c, ProblemSeverity.Error, "value is missing", $"raw__{c.Name} IS NULL"));
            }

            if (c.Type != ColumnType.Text)
            {
                checks.Add((c, ProblemSeverity.Error, $"not a valid {Describe(c.Type)}", $"{c.Name} IS NULL AND raw__{c.Name} IS NOT NULL"));
            }

            if (c.Type == ColumnType.Date)
            {
                var earliest = ImportSchema.EarliestDate(c.Name);
                checks.Add((c, ProblemSeverity.Error, $"date outside the plausible range {earliest:yyyy-MM-dd} to {today:yyyy-MM-dd}",
                    $"({c.Name} < DATE '{earliest:yyyy-MM-dd}' OR {c.Name} > DATE '{today:yyyy-MM-dd}')"));
            }

            if (c.Rule is { } rule)
            {
                checks.Add((c, rule.Severity, $"expected {rule.Expected}",
                    $"{c.Name} IS NOT NULL AND NOT ({string.Format(CultureInfo.InvariantCulture, rule.Condition, c.Name)})"));
            }
        }

        var select = string.Join(", ", checks.Select(check =>
            $"CAST(count_if({check.Condition}) AS BIGINT), min(CASE WHEN {check.Condition} THEN {Location(check.Column.IsPersonKey ? null : "raw__" + check.Column.Name)} END, {Examples})"));
        var row = db.Rows($"SELECT {select} FROM typed_{register.Table}").Single();
        for (var i = 0; i < checks.Count; i++)
        {
            var count = Convert.ToInt64(row[2 * i], CultureInfo.InvariantCulture);
            if (count > 0)
            {
                var (column, severity, problem, _) = checks[i];
                yield return new ImportProblem(severity, FilesOf(register.Table), column.Name, problem, count, Locate(row[2 * i + 1], register.Table));
            }
        }
    }

    private IEnumerable<ImportProblem> CheckUnique(string table, string key)
    {
        var row = db.Rows($"""
            SELECT count(*), min({Location(null)}, {Examples}) FROM typed_{table}
            WHERE {key} IN (SELECT {key} FROM typed_{table} WHERE {key} IS NOT NULL GROUP BY {key} HAVING count(*) > 1)
            """).Single();
        var count = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        if (count > 0)
        {
            yield return new ImportProblem(ProblemSeverity.Error, FilesOf(table), key, "key is not unique: rows share a value", count, Locate(row[1], table));
        }
    }

    private IEnumerable<ImportProblem> CheckReference(string child, string column, string parent, ProblemSeverity severity, string problem)
    {
        var row = db.Rows($"""
            SELECT count(*), min({Location(null)}, {Examples}) FROM typed_{child} c
            WHERE c.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM typed_{parent} p WHERE p.{column} = c.{column})
            """).Single();
        var count = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        if (count > 0)
        {
            yield return new ImportProblem(severity, FilesOf(child), column, problem, count, Locate(row[1], child));
        }
    }

    private IEnumerable<ImportProblem> CheckKnownCodes(string table, string column, CodeList list, int minLength, string system)
    {
        if (!staged.Any(s => s.File.Table == table))
        {
            yield break;
        }

        var unknown = db.Rows($"SELECT {column}, count(*) FROM typed_{table} WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY {column}")
            .Select(r => (Code: (string)r[0]!, Rows: Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .Where(c => !KnownCodes.IsKnown(list, c.Code, minLength))
            .ToList();
        if (unknown.Count > 0)
        {
            yield return new ImportProblem(ProblemSeverity.Warning, FilesOf(table), column,
                string.Create(CultureInfo.InvariantCulture, $"{unknown.Count:N0} codes unknown to the {system} code list: {string.Join(", ", unknown.Take(Examples).Select(c => c.Code))}"),
                unknown.Sum(c => c.Rows), []);
        }
    }

    private long Count(string table) => Convert.ToInt64(db.Rows($"SELECT count(*) FROM typed_{table}").Single()[0], CultureInfo.InvariantCulture);

    private string FilesOf(string table) => string.Join(", ", staged.Where(s => s.File.Table == table).Select(s => s.File.Name));

    // Sorts as (file, row); carries the delivered text when it may be shown.
    private static string Location(string? rawValue) =>
        $"lpad(CAST(_file AS VARCHAR), 4, '0') || ':' || lpad(CAST(_row AS VARCHAR), 12, '0') || ':' || {(rawValue is null ? "''" : $"coalesce({rawValue}, '')")}";

    private List<string> Locate(object? locations, string table)
    {
        var several = staged.Count(s => s.File.Table == table) > 1;
        var result = new List<string>();
        foreach (var location in (System.Collections.IEnumerable?)locations ?? Array.Empty<object>())
        {
            var parts = ((string)location).Split(':', 3);
            var file = staged.Single(s => s.Index == int.Parse(parts[0], CultureInfo.InvariantCulture)).File;
            var at = file.Locate(long.Parse(parts[1], CultureInfo.InvariantCulture));
            var value = parts[2].Length > 0 ? $" '{Shorten(parts[2])}'" : string.Empty;
            result.Add(several ? $"{file.Name} {at}{value}" : at + value);
        }

        return result;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private static string Describe(ColumnType type) => type switch
    {
        ColumnType.Date => "date (YYYY-MM-DD, YYYYMMDD, DD-MM-YYYY, DD.MM.YYYY or 05JAN2020)",
        ColumnType.BigInt => "whole number",
        ColumnType.Double => "number",
        _ => "text",
    };
}
