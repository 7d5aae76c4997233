namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// Writes a register's view to one sorted Parquet file. A national extract holds hundreds of millions
/// of rows, more than DuckDB can sort within its memory limit, so large registers are first written
/// unsorted, then sorted in chunks of consecutive <see cref="SyntheticRegister.ChunkBy"/> values
/// (each chunk to its own file) and the chunk files concatenated in order.
/// </summary>
internal sealed class SortedParquetWriter(
    SyntheticDatabase db, string workFolder, long maxChunkRows, double personYears, IProgress<string>? progress)
{
    private const string Format = "(FORMAT parquet, COMPRESSION zstd)";

    // Intermediate files are read once: fast compression beats small.
    private const string IntermediateFormat = "(FORMAT parquet, COMPRESSION snappy)";

    public async Task WriteAsync(SyntheticRegister register, string file, CancellationToken ct)
    {
        if (register.ChunkBy is null || register.RowsPerPersonYear * personYears <= maxChunkRows)
        {
            await CopyAsync($"SELECT * FROM {register.Table} ORDER BY {register.OrderBy}", file, ct).ConfigureAwait(false);
            return;
        }

        // Generated once, unsorted (streams in parallel, little memory), then read once per chunk.
        var unsorted = Path.Combine(workFolder, $"{register.Table}-unsorted.parquet");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await CopyAsync($"SELECT * FROM {register.Table}", unsorted, ct, IntermediateFormat).ConfigureAwait(false);
        Report($"  {register.Table}: generated in {clock.Elapsed.TotalSeconds:F1} s");
        await WriteChunkedAsync(register, $"read_parquet({SyntheticDatabase.Literal(unsorted)})", file, ct).ConfigureAwait(false);
        File.Delete(unsorted);
    }

    private async Task WriteChunkedAsync(SyntheticRegister register, string source, string file, CancellationToken ct)
    {
        var chunks = Chunk(await db.QueryAsync(
            $"SELECT {register.ChunkBy} AS k, count(*) AS n FROM {source} GROUP BY ALL ORDER BY k", ct).ConfigureAwait(false));
        if (chunks.Count <= 1)
        {
            await CopyAsync($"SELECT * FROM {source} ORDER BY {register.OrderBy}", file, ct).ConfigureAwait(false);
            return;
        }

        var parts = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (first, last) in chunks)
        {
            var part = Path.Combine(workFolder, $"{register.Table}-{parts.Count:D4}.parquet");
            await CopyAsync(
                $"SELECT * FROM {source} WHERE {register.ChunkBy} BETWEEN {SyntheticDatabase.Literal(first)} " +
                $"AND {SyntheticDatabase.Literal(last)} ORDER BY {register.OrderBy}", part, ct, IntermediateFormat).ConfigureAwait(false);
            parts.Add(part);
        }

        Report($"  {register.Table}: sorted in {chunks.Count} chunks in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        // Concatenation must keep the files' order; it streams, so keeping order costs little.
        await db.ExecuteAsync("SET preserve_insertion_order = true", ct).ConfigureAwait(false);
        var list = string.Join(", ", parts.Select(SyntheticDatabase.Literal));
        await CopyAsync($"SELECT * FROM read_parquet([{list}])", file, ct).ConfigureAwait(false);
        await db.ExecuteAsync("SET preserve_insertion_order = false", ct).ConfigureAwait(false);
        parts.ForEach(File.Delete);
        Report($"  {register.Table}: chunks joined in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private void Report(FormattableString line) => progress?.Report(FormattableString.Invariant(line));

    private Task CopyAsync(string query, string file, CancellationToken ct, string format = Format) =>
        db.ExecuteAsync($"COPY ({query}) TO {SyntheticDatabase.Literal(file)} {format}", ct);

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
