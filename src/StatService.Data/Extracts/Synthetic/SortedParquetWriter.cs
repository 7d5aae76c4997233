namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// Writes a register's view to one sorted Parquet file. A national extract holds hundreds of millions
/// of rows, more than DuckDB can sort within its memory limit, so large registers are first stored
/// unsorted, then sorted in chunks of consecutive <see cref="SyntheticRegister.ChunkBy"/> values
/// (each chunk to its own file) and the chunk files concatenated in order.
/// </summary>
internal sealed class SortedParquetWriter(SyntheticDatabase db, string workFolder, long maxChunkRows)
{
    private const string Format = "(FORMAT parquet, COMPRESSION zstd)";

    public async Task WriteAsync(SyntheticRegister register, string file, CancellationToken ct)
    {
        if (register.ChunkBy is null)
        {
            await CopyAsync($"SELECT * FROM {register.Table} ORDER BY {register.OrderBy}", file, ct).ConfigureAwait(false);
            return;
        }

        var stage = $"stage_{register.Table}";
        await db.ExecuteAsync($"CREATE TABLE {stage} AS SELECT * FROM {register.Table}", ct).ConfigureAwait(false);
        await WriteChunkedAsync(register, stage, file, ct).ConfigureAwait(false);
        await db.ExecuteAsync($"DROP TABLE {stage}", ct).ConfigureAwait(false);
    }

    private async Task WriteChunkedAsync(SyntheticRegister register, string stage, string file, CancellationToken ct)
    {
        var chunks = Chunk(await db.QueryAsync(
            $"SELECT {register.ChunkBy} AS k, count(*) AS n FROM {stage} GROUP BY ALL ORDER BY k", ct).ConfigureAwait(false));
        if (chunks.Count <= 1)
        {
            await CopyAsync($"SELECT * FROM {stage} ORDER BY {register.OrderBy}", file, ct).ConfigureAwait(false);
            return;
        }

        var parts = new List<string>();
        foreach (var (first, last) in chunks)
        {
            var part = Path.Combine(workFolder, $"{register.Table}-{parts.Count:D4}.parquet");
            await CopyAsync(
                $"SELECT * FROM {stage} WHERE {register.ChunkBy} BETWEEN {SyntheticDatabase.Literal(first)} " +
                $"AND {SyntheticDatabase.Literal(last)} ORDER BY {register.OrderBy}", part, ct).ConfigureAwait(false);
            parts.Add(part);
        }

        // Concatenation must keep the files' order; it streams, so keeping order costs little.
        await db.ExecuteAsync("SET preserve_insertion_order = true", ct).ConfigureAwait(false);
        var list = string.Join(", ", parts.Select(SyntheticDatabase.Literal));
        await CopyAsync($"SELECT * FROM read_parquet([{list}])", file, ct).ConfigureAwait(false);
        await db.ExecuteAsync("SET preserve_insertion_order = false", ct).ConfigureAwait(false);
        parts.ForEach(File.Delete);
    }

    private Task CopyAsync(string query, string file, CancellationToken ct) =>
        db.ExecuteAsync($"COPY ({query}) TO {SyntheticDatabase.Literal(file)} {Format}", ct);

    // Consecutive chunk-key values packed into ranges of at most maxChunkRows rows (a single value may exceed it).
    private List<(object First, object Last)> Chunk(IReadOnlyList<object?[]> counts)
    {
        var chunks = new List<(object, object)>();
        object? first = null, last = null;
        long rows = 0;
        foreach (var row in counts)
        {
            var (key, n) = (row[0]!, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
            if (first is not null && rows + n > maxChunkRows)
            {
                chunks.Add((first, last!));
                (first, rows) = (null, 0);
            }

            first ??= key;
            last = key;
            rows += n;
        }

        if (first is not null)
        {
            chunks.Add((first, last!));
        }

        return chunks;
    }
}
