using System.Data.Common;
using Npgsql;

namespace StatService.Data.Orders;

/// <summary>
/// The order store on PostgreSQL, shared by every API and worker process of a scaled-out deployment. Runs the
/// same portable SQL as SQLite; connections come from one <see cref="NpgsqlDataSource"/> (its pool) per process.
/// </summary>
public sealed class PostgresOrderStore : AdoOrderStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>A store with a data source of its own, disposed with the store.</summary>
    public PostgresOrderStore(string connectionString, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), time)
    {
        _ownsDataSource = true;
    }

    /// <summary>A store on a data source the caller owns.</summary>
    public PostgresOrderStore(NpgsqlDataSource dataSource, TimeProvider? time = null)
        : base(time)
    {
        _dataSource = dataSource;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }
}
