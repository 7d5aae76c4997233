namespace StatService.Core.Catalogue;

/// <summary>
/// Splices SQL shared by products into a product's SQL at load time: a line <c>-- @include cohort.sql</c>
/// is replaced by <c>queries/shared/cohort.sql</c>. Both are the service's own files; no order text is involved.
/// </summary>
public static class SharedSql
{
    private const string Marker = "-- @include ";

    public static string Splice(string sql, string sharedFolder, string where)
    {
        var lines = sql.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var name = line[Marker.Length..].Trim();
            var path = Path.Combine(sharedFolder, name);
            if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new InvalidDataException($"{where}: included SQL '{name}' must exist in the queries/shared folder.");
            }

            lines[i] = File.ReadAllText(path).TrimEnd();
        }

        return string.Join('\n', lines);
    }
}
