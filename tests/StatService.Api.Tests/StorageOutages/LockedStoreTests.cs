using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Api.Tests.StorageOutages;

/// <summary>An order store locked by another writer beyond the busy timeout: 503 with Retry-After, nothing half-stored.</summary>
public sealed class LockedStoreTests
{
    [Fact]
    public async Task A_store_locked_beyond_the_busy_timeout_answers_503_with_retry_after()
    {
        // The API alone (no worker writing beside the test), so only the test's lock stands in the way.
        await using var application = new StatServiceApplication
        {
            Settings = { ["Storage:BusyTimeout"] = "00:00:01", ["Worker:RunJobs"] = "false" },
        };
        using var client = application.CreateClient("demo-journalist");
        var before = await StatServiceApplication.SubmitAsync(client);
        var store = application.Services.GetRequiredService<IOrderStore>();

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(application.DataDirectory, SqliteOrderDatabase.FileName)};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();

            using var refused = await client.PostAsJsonAsync("/api/orders", new { product = FixedResultPipeline.Product, parameters = new { years = new[] { 2021 } } });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("SqliteException", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            exclusive.CommandText = "ROLLBACK";
            await exclusive.ExecuteNonQueryAsync();
        }

        var after = await StatServiceApplication.SubmitAsync(client);
        var stored = await store.ListAsync(null, null, 10, CancellationToken.None);
        Assert.Equal(new[] { before, after }.Order(), stored.Select(o => o.Id).Order());
    }
}
