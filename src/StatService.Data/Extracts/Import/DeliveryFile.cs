namespace StatService.Data.Extracts.Import;

/// <summary>How a delivered file is read.</summary>
public enum DeliveryFormat
{
    Auto,
    Parquet,
    Csv,
}

/// <summary>
/// One delivered file and the register it holds. A register may come in several files (one per
/// year, say: <c>lmdb_2021.csv</c>, <c>lmdb_2022.csv</c>); they are read as one table.
/// </summary>
public sealed record DeliveryFile(string Table, string Path, DeliveryFormat Format)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Where a row is in the file, as a person opening it would count: CSV lines (the header is line 1), Parquet rows.</summary>
    public string Locate(long row) => Format == DeliveryFormat.Csv ? $"line {row + 1}" : $"row {row}";

    /// <summary>
    /// The register files in <paramref name="directory"/>: names (ignoring case and extension, with an
    /// optional <c>_2021</c>-style suffix) from <see cref="DeliveredNames"/>; other files are ignored.
    /// </summary>
    public static IReadOnlyList<DeliveryFile> Find(string directory, DeliveryFormat format)
    {
        var files = new List<DeliveryFile>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var (stem, fileFormat) = Split(System.IO.Path.GetFileName(path));
            if (fileFormat is null || format != DeliveryFormat.Auto && fileFormat != format)
            {
                continue;
            }

            var table = DeliveredNames.TableOf(stem) ?? DeliveredNames.TableOf(WithoutPeriodSuffix(stem));
            if (table is not null)
            {
                files.Add(new DeliveryFile(table, path, fileFormat.Value));
            }
        }

        return files;
    }

    private static (string Stem, DeliveryFormat? Format) Split(string name)
    {
        foreach (var (extension, format) in new[] { (".parquet", DeliveryFormat.Parquet), (".csv", DeliveryFormat.Csv), (".csv.gz", DeliveryFormat.Csv), (".txt", DeliveryFormat.Csv) })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return (name[..^extension.Length], format);
            }
        }

        return (name, null);
    }

    // lmdb_2021, lpr_f_kontakter_2019_2020, LMDB2021
    private static string WithoutPeriodSuffix(string stem)
    {
        var end = stem.Length;
        while (end > 0 && (char.IsAsciiDigit(stem[end - 1]) || stem[end - 1] is '_' or '-'))
        {
            end--;
        }

        return stem[..end];
    }
}
