using System.Data.Common;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Orders;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Ledger;

/// <summary>One connection and its locked transaction; disposing without a commit rolls back and releases the lock.</summary>
internal sealed class LedgerSession(AdoReleaseLedger ledger, DbConnection connection, DbTransaction transaction, string extractVersion) : ILedgerSession
{
    private bool _ended;

    public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        return ledger.ReadEarlierAsync(connection, transaction, extractVersion, excludedOrder, cancellationToken);
    }

    public async Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (release.OrderId != result.OrderId || release.ExtractVersion != extractVersion)
        {
            throw new ArgumentException("The release recorded must be the result's, on the session's extract version.", nameof(release));
        }

        var inserted = await OrderResultRows.InsertAsync(connection, transaction, result, cancellationToken);

        // A stored result was recorded with it (or before the ledger existed): the first release stands, unrecorded again.
        if (inserted == 1)
        {
            await RecordAsync(release, cancellationToken);
        }

        var stored = await OrderResultRows.ReadStoredAsync(connection, transaction, result.OrderId, cancellationToken);
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
            Add(insert, "cells", (long)release.Persons.InnerCellCount);
            Add(insert, "compared_releases", (long)release.ComparedReleases);
            Add(insert, "differencing_cells", (long)release.LedgerCells);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return;
            }
        }

        long sequence;
        await using (var next = Command(connection, ReleaseLedgerSql.NextSequence, transaction))
        {
            Add(next, "extract_version", release.ExtractVersion);
            sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var persons = Command(connection, ReleaseLedgerSql.InsertPersons, transaction);
        Add(persons, "order_id", release.OrderId.ToString());
        Add(persons, "extract_version", release.ExtractVersion);
        Add(persons, "recorded_seq", sequence);
        Add(persons, "payload", Convert.ToBase64String(ReleasePersonsCodec.Encode(release.Persons)));
        await persons.ExecuteNonQueryAsync(cancellationToken);
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
