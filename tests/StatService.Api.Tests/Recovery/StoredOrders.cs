using Microsoft.Data.Sqlite;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Api.Tests.Recovery;

/// <summary>Reads the service's <c>orders.db</c> directly, read-only: what is stored, not what the API says.</summary>
public static class StoredOrders
{
    /// <summary>Each order's stored status (lower-case, as in the table).</summary>
    public static Dictionary<Guid, string> Statuses(string dataDirectory) =>
        Query(dataDirectory, "SELECT id, status FROM orders", reader => (Guid.Parse(reader.GetString(0)), reader.GetString(1)))
            .ToDictionary(row => row.Item1, row => row.Item2);

    /// <summary>How many result rows each order has; an order without a result is absent.</summary>
    public static Dictionary<Guid, long> ResultCounts(string dataDirectory) =>
        Query(dataDirectory, "SELECT order_id, COUNT(*) FROM order_results GROUP BY order_id", reader => (Guid.Parse(reader.GetString(0)), reader.GetInt64(1)))
            .ToDictionary(row => row.Item1, row => row.Item2);

    private static List<T> Query<T>(string dataDirectory, string sql, Func<SqliteDataReader, T> read)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteOrderDatabase.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            // Nothing kept open once the test is done, so the data directory can be deleted.
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
