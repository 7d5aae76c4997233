using System.Globalization;

namespace StatService.Data.Extracts.Derived;

/// <summary>
/// The derived tables of an extract version (<c>queries/derived/*.sql</c>): cohort-shaped copies of the registers
/// (events sorted by code with their person and date, contacts by person, the person index). Each is one SELECT over
/// the register views plus the row order its file is written in; <c>person_index</c> comes first because the others
/// key persons by it.
/// </summary>
public sealed class DerivedTables
{
    public const string PersonIndex = "person_index";

    private const string OrderMarker = "-- order by:";

    private DerivedTables(IReadOnlyList<DerivedTable> tables) => Tables = tables;

    /// <summary>In the order they must be made: <c>person_index</c> first.</summary>
    public IReadOnlyList<DerivedTable> Tables { get; }

    /// <summary>The shipped definitions, beside the binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "queries", "derived");

    public static DerivedTables Load(string directory)
    {
        var tables = new List<DerivedTable>();
        foreach (var path in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!name.All(c => c is (>= 'a' and <= 'z') or '_'))
            {
                throw new InvalidDataException($"Derived table file '{name}.sql': names are lower-case letters and '_'.");
            }

            var sql = File.ReadAllText(path);
            var first = sql.Split('\n', 2)[0].Trim();
            if (!first.StartsWith(OrderMarker, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Derived table file '{name}.sql' must start with '{OrderMarker} ...'.");
            }

            tables.Add(new DerivedTable(name, sql.TrimEnd(), first[OrderMarker.Length..].Trim()));
        }

        if (!tables.Any(t => t.Name == PersonIndex))
        {
            throw new InvalidDataException($"The derived tables must include {PersonIndex}.sql.");
        }

        return new DerivedTables([.. tables.OrderBy(t => t.Name == PersonIndex ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal)]);
    }

    /// <summary>What a version's derived files were made from: the definitions and the version's register files.</summary>
    public string Fingerprint(ExtractManifest manifest)
    {
        var text = string.Join('\n', Tables.Select(t => $"{t.Name}\n{t.Sql}"))
            + "\n" + string.Join('\n', (manifest.Files ?? []).Select(f => $"{f.File} {f.Bytes} {f.Sha256}"))
            + "\n" + manifest.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>One derived table: its name (also its view's), its SELECT and the order its file is written in.</summary>
public sealed record DerivedTable(string Name, string Sql, string OrderBy)
{
    public string FileName => $"{Name}.parquet";
}
