using System.Data.Common;
using StatService.Core.Orders;
using StatService.Data.Storage;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Requesters;

/// <summary>Requesters and the SHA-256 hashes of their API keys (never the keys), in the order database.</summary>
public sealed class AdoRequesterStore(OrderDatabase database) : AdoStore(database), IRequesterStore
{
    public async Task AddRequesterAsync(RequesterAccount requester, string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, RequesterSql.InsertRequester);
        Add(command, "id", requester.Id);
        Add(command, "name", requester.Name);
        Add(command, "kind", RequesterKinds.Code(requester.Kind));
        Add(command, "key_hash", keyHash);
        Add(command, "created_at", requester.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(RequesterAccount Requester, string KeyHash)?> FindRequesterAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, RequesterSql.SelectRequester);
        Add(command, "id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (ReadRequester(reader), reader.GetString(5)) : null;
    }

    public async Task<IReadOnlyList<RequesterAccount>> ListRequestersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, RequesterSql.SelectRequesters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requesters = new List<RequesterAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requesters.Add(ReadRequester(reader));
        }

        return requesters;
    }

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, RequesterSql.RevokeRequesterKey);
        Add(command, "id", id);
        Add(command, "revoked_at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static RequesterAccount ReadRequester(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        RequesterKinds.TryParse(reader.GetString(2), out var kind) ? kind : throw new InvalidDataException($"Unknown requester kind '{reader.GetString(2)}'."),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
}
