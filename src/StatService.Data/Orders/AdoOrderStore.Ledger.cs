using System.Data.Common;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Ledger;

namespace StatService.Data.Orders;

/// <summary>
/// The release ledger, in the order database: a release's cells are recorded in the transaction that stores its result,
/// so a result is never stored without its record nor recorded twice. Sessions hold a lock per extract version that
/// each provider takes its own way (<see cref="BeginLedgerTransactionAsync"/>).
/// </summary>
public abstract partial class AdoOrderStore : IReleaseLedger
{
    /// <summary>
    /// Begins a transaction that holds the ledger lock of <paramref name="extractVersion"/> until it ends, against every
    /// connection of every process on the database.
    /// </summary>
    protected abstract Task<DbTransaction> BeginLedgerTransactionAsync(DbConnection connection, string extractVersion, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<LedgerCell>> EarlierCellsAsync(
        string extractVersion, IReadOnlyCollection<string> contexts, Guid excludedOrder, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadEarlierCellsAsync(connection, null, extractVersion, contexts, excludedOrder, cancellationToken);
    }

    public async Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(extractVersion);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = await BeginLedgerTransactionAsync(connection, extractVersion, cancellationToken);
            return new LedgerSession(connection, transaction, extractVersion);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        string version, product;
        DateTimeOffset recordedAt;
        int compared, differencing;
        await using (var select = Command(connection, ReleaseLedgerSql.SelectRelease))
        {
            Add(select, "order_id", orderId.ToString());
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (version, product) = (reader.GetString(0), reader.GetString(1));
            recordedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
            (compared, differencing) = (checked((int)reader.GetInt64(3)), checked((int)reader.GetInt64(4)));
        }

        await using var cells = Command(connection, ReleaseLedgerSql.SelectCellsOfOrder);
        Add(cells, "order_id", orderId.ToString());
        return new LedgerRelease(orderId, version, product, recordedAt, await ReadCellsAsync(cells, cancellationToken), compared, differencing);
    }

    private static async Task<IReadOnlyList<LedgerCell>> ReadEarlierCellsAsync(
        DbConnection connection, DbTransaction? transaction, string extractVersion, IReadOnlyCollection<string> contexts, Guid excludedOrder,
        CancellationToken cancellationToken)
    {
        var cells = new List<LedgerCell>();
        foreach (var batch in contexts.Distinct(StringComparer.Ordinal).Chunk(ReleaseLedgerSql.ContextBatch))
        {
            await using var select = Command(connection, ReleaseLedgerSql.SelectEarlierCells(batch.Length), transaction);
            Add(select, "extract_version", extractVersion);
            Add(select, "order_id", excludedOrder.ToString());
            for (var i = 0; i < batch.Length; i++)
            {
                Add(select, $"context{i}", batch[i]);
            }

            cells.AddRange(await ReadCellsAsync(select, cancellationToken));
        }

        return cells;
    }

    private static async Task<IReadOnlyList<LedgerCell>> ReadCellsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var cells = new List<LedgerCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var set = new PersonSet(
                reader.GetString(4),
                CodeSet.Parse(reader.GetString(5)),
                new AgeSpan(checked((int)reader.GetInt64(6)), reader.IsDBNull(7) ? null : checked((int)reader.GetInt64(7))),
                CodeSet.Parse(reader.GetString(8)));
            cells.Add(new LedgerCell(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), set, reader.GetInt64(9)));
        }

        return cells;
    }

    /// <summary>One connection and its locked transaction; disposing without a commit rolls back and releases the lock.</summary>
    private sealed class LedgerSession(DbConnection connection, DbTransaction transaction, string extractVersion) : ILedgerSession
    {
        private bool _ended;

        public Task<IReadOnlyList<LedgerCell>> EarlierCellsAsync(IReadOnlyCollection<string> contexts, Guid excludedOrder, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            return ReadEarlierCellsAsync(connection, transaction, extractVersion, contexts, excludedOrder, cancellationToken);
        }

        public async Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            if (release.OrderId != result.OrderId || release.ExtractVersion != extractVersion)
            {
                throw new ArgumentException("The release recorded must be the result's, on the session's extract version.", nameof(release));
            }

            int inserted;
            await using (var insert = Command(connection, OrderStoreSql.InsertResult, transaction))
            {
                Add(insert, "order_id", result.OrderId.ToString());
                Add(insert, "json", result.Json);
                Add(insert, "csv", result.Csv);
                Add(insert, "created_at", result.CreatedAt.ToUnixTimeMilliseconds());
                inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            // A stored result was recorded with it (or before the ledger existed): the first release stands, unrecorded again.
            if (inserted == 1)
            {
                await RecordAsync(release, cancellationToken);
            }

            var stored = await ReadResultAsync(connection, transaction, result.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"The result of order {result.OrderId} was not stored.");
            await transaction.CommitAsync(cancellationToken);
            await DisposeAsync();
            return stored;
        }

        private async Task RecordAsync(LedgerRelease release, CancellationToken cancellationToken)
        {
            await using (var insert = Command(connection, ReleaseLedgerSql.InsertRelease, transaction))
            {
                Add(insert, "order_id", release.OrderId.ToString());
                Add(insert, "extract_version", release.ExtractVersion);
                Add(insert, "product", release.Product);
                Add(insert, "recorded_at", release.RecordedAt.ToUnixTimeMilliseconds());
                Add(insert, "cells", (long)release.Cells.Count);
                Add(insert, "compared_releases", (long)release.ComparedReleases);
                Add(insert, "differencing_cells", (long)release.DifferencingCells);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return;
                }
            }

            foreach (var batch in release.Cells.Chunk(ReleaseLedgerSql.CellBatch))
            {
                await using var insert = Command(connection, ReleaseLedgerSql.InsertCells(batch.Length), transaction);
                Add(insert, "order_id", release.OrderId.ToString());
                Add(insert, "extract_version", release.ExtractVersion);
                for (var i = 0; i < batch.Length; i++)
                {
                    var cell = batch[i];
                    Add(insert, $"table_name{i}", cell.Table);
                    Add(insert, $"coordinates{i}", cell.Coordinates);
                    Add(insert, $"context_hash{i}", cell.PersonSet.Context);
                    Add(insert, $"sexes{i}", cell.PersonSet.Sexes.ToString());
                    Add(insert, $"age_min{i}", (long)cell.PersonSet.Ages.Min);
                    Add(insert, $"age_max{i}", (long?)cell.PersonSet.Ages.Max);
                    Add(insert, $"regions{i}", cell.PersonSet.Regions.ToString());
                    Add(insert, $"value{i}", cell.Value);
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
