using System.Reflection;

namespace StatService.Data.Extracts.Synthetic;

/// <summary>The generator's SQL scripts, embedded from <c>Sql/</c> and named by their path below it.</summary>
internal static class SyntheticSql
{
    private const string Prefix = "StatService.Data.Synthetic.Sql/";

    public static readonly IReadOnlyList<string> Reference =
    [
        "setup.sql",
        "reference/demography.sql",
        "reference/municipalities.sql",
        "reference/diseases.sql",
        "reference/diagnoses.sql",
        "reference/death_causes.sql",
        "reference/drugs.sql",
        "reference/picks.sql",
    ];

    public static readonly IReadOnlyList<string> Population =
    [
        "population/persons.sql",
        "population/diseases.sql",
        "population/hazards.sql",
    ];

    public const string Exits = "population/exits.sql";

    private static readonly Assembly Assembly = typeof(SyntheticSql).Assembly;

    // Resource names carry the build machine's directory separator; scripts are named with '/'.
    private static readonly Dictionary<string, string> Names = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);

    public static string Load(string script)
    {
        if (!Names.TryGetValue(script, out var resource))
        {
            throw new InvalidOperationException($"Synthetic extract script '{script}' is not embedded.");
        }

        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
