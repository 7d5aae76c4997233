using StatService.Core.Orders;
using static StatService.Data.Orders.OrderRows;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>Orders placed with an <c>Idempotency-Key</c>: the key is claimed in the transaction that stores the order.</summary>
public sealed partial class AdoOrderStore
{
    public async Task<OrderCreation> CreateOnceAsync(Order order, IdempotencyKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The order first (the key refers to it); a key used before rolls it back. A concurrent request with
            // the same key waits on the key's row and then finds it taken.
            await InsertOrderAsync(connection, transaction, order, cancellationToken);
            await using var claim = Command(connection, OrderStoreSql.InsertIdempotencyKey, transaction);
            Add(claim, "requester_id", order.RequesterId);
            Add(claim, "idempotency_key", key.Key);
            Add(claim, "body_hash", key.BodyHash);
            Add(claim, "order_id", order.Id.ToString());
            Add(claim, "created_at", order.SubmittedAt.ToUnixTimeMilliseconds());
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                return new OrderCreation(order, Created: true, SameBody: true);
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        string bodyHash;
        Guid orderId;
        await using (var select = Command(connection, OrderStoreSql.SelectIdempotencyKey))
        {
            Add(select, "requester_id", order.RequesterId);
            Add(select, "idempotency_key", key.Key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("An idempotency key was taken but cannot be read back.");
            }

            bodyHash = reader.GetString(0);
            orderId = Guid.Parse(reader.GetString(1));
        }

        var earlier = await GetAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} of an idempotency key is missing.");
        return new OrderCreation(earlier, Created: false, SameBody: string.Equals(bodyHash, key.BodyHash, StringComparison.Ordinal));
    }
}
