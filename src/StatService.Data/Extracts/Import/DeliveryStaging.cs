using DuckDB.NET.Data;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// Reads each delivered file into the import database as delivered and maps its columns to the
/// service's names (<see cref="DeliveredNames"/>): a missing required column or two columns with the
/// same meaning are errors; columns the service does not read are reported and left out.
/// </summary>
internal static class DeliveryStaging
{
    public static IReadOnlyList<StagedFile> Stage(ImportDatabase db, IReadOnlyList<DeliveryFile> files, List<ImportProblem> problems)
    {
        var staged = new List<StagedFile>();
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            var relation = $"stage_{index}";
            string rowNumber;
            try
            {
                if (file.Format == DeliveryFormat.Parquet)
                {
                    db.Execute($"CREATE VIEW {relation} AS SELECT * FROM read_parquet({TypedColumns.Literal(file.Path)}, file_row_number = true)");
                    rowNumber = "file_row_number + 1";
                }
                else
                {
                    var dialect = CsvDialect.Detect(file.Path);
                    db.Execute($"CREATE TABLE {relation} AS SELECT * FROM read_csv({TypedColumns.Literal(file.Path)}, header = true, all_varchar = true, " +
                               $"delim = {TypedColumns.Literal(dialect.Delimiter.ToString())}, encoding = {TypedColumns.Literal(dialect.Encoding)})");
                    rowNumber = "rowid + 1";
                }
            }
            catch (DuckDBException e)
            {
                problems.Add(new ImportProblem(ProblemSeverity.Error, file.Name, null, "cannot be read: " + FirstLine(e.Message), 0, []));
                continue;
            }

            var columns = MapColumns(db, file, relation, problems);
            if (columns is not null)
            {
                staged.Add(new StagedFile(file, index, relation, rowNumber, columns));
            }
        }

        return staged;
    }

    private static Dictionary<string, (string Delivered, string Type)>? MapColumns(ImportDatabase db, DeliveryFile file, string relation, List<ImportProblem> problems)
    {
        var register = ImportSchema.Register(file.Table);
        var mapped = new Dictionary<string, (string Delivered, string Type)>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var ok = true;
        foreach (var row in db.Rows($"DESCRIBE {relation}"))
        {
            var (name, type) = ((string)row[0]!, (string)row[1]!);
            if (file.Format == DeliveryFormat.Parquet && name == "file_row_number")
            {
                continue;
            }

            var column = DeliveredNames.ColumnOf(file.Table, name);
            if (column is null)
            {
                ignored.Add(name);
            }
            else if (mapped.TryGetValue(column, out var first))
            {
                problems.Add(new ImportProblem(ProblemSeverity.Error, file.Name, name, $"means the same as column {first.Delivered} ({column}); deliver one of them", 0, []));
                ok = false;
            }
            else
            {
                mapped[column] = (name, type);
            }
        }

        foreach (var missing in register.Columns.Where(c => c.Required && !mapped.ContainsKey(c.Name)))
        {
            problems.Add(new ImportProblem(ProblemSeverity.Error, file.Name, missing.Name,
                $"required column is missing (accepted names: {string.Join(", ", DeliveredNames.Columns[file.Table][missing.Name])})", 0, []));
            ok = false;
        }

        if (ignored.Count > 0)
        {
            problems.Add(new ImportProblem(ProblemSeverity.Warning, file.Name, null, $"columns not used by the service are left out: {string.Join(", ", ignored)}", 0, []));
        }

        return ok ? mapped : null;
    }

    private static string FirstLine(string message)
    {
        // DuckDB's CSV errors name the line first and the reason below; the line's content may hold pseudonyms and is left out.
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("Original Line", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("Possible Solution", StringComparison.Ordinal));
        return string.Join(" ", lines.Take(3));
    }
}
