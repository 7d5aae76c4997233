using Microsoft.Data.Sqlite;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>
/// The order store's listings on a migrated SQLite file, as its query planner runs them: each reads a range of one
/// index in the order asked for, never every order and never a sort of them.
/// </summary>
public sealed class SqliteOrderListingPlanTests : IDisposable
{
    private readonly string _directory = TemporaryDirectory.Create();

    [Theory]
    [InlineData(nameof(OrderStoreSql.SelectOrders))]
    [InlineData(nameof(OrderStoreSql.SelectOrdersOfRequester))]
    [InlineData(nameof(OrderStoreSql.SelectOrdersInStatus))]
    [InlineData(nameof(OrderStoreSql.SelectOrdersOfRequesterInStatus))]
    [InlineData(nameof(OrderStoreSql.SelectOrdersByStatus))]
    public async Task A_listing_reads_an_index_in_order(string statement)
    {
        var path = Path.Combine(_directory, SqliteOrderDatabase.FileName);
        Assert.True(await new SqliteOrderDatabase(path).CanConnectAsync(CancellationToken.None));
        var sql = (string)typeof(OrderStoreSql).GetField(statement)!.GetValue(null)!;

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "requester_id", "status", "limit" })
        {
            if (sql.Contains('@' + name, StringComparison.Ordinal))
            {
                explain.Parameters.AddWithValue('@' + name, name == "limit" ? 10 : "x");
            }
        }

        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.All(plan, step => Assert.Contains("USING INDEX", step, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
    }
}
