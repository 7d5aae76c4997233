namespace StatService.Api.Tests.Stores;

/// <summary>
/// Storage:Provider chooses the order store and the Quartz store together; a PostgreSQL setting that cannot
/// work stops the start of the real process with the key to fix, and a working one runs orders end to end.
/// </summary>
public sealed class StorageProviderTests
{
    [Fact]
    public async Task Postgresql_without_a_connection_string_refuses_to_start_naming_the_key()
    {
        var log = await Recovery.RefusedStart.LogAsync(new Dictionary<string, string> { ["Storage:Provider"] = "postgresql" });

        Assert.Contains("ConnectionStrings:Orders is required when Storage:Provider is postgresql", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_refuses_to_start_without_echoing_it()
    {
        var log = await Recovery.RefusedStart.LogAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgresql",
            ["ConnectionStrings:Orders"] = "Host=127.0.0.1;Password=secret-value;Port=not-a-port",
        });

        Assert.Contains("ConnectionStrings:Orders is not a valid PostgreSQL connection string", log, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_refuses_to_start()
    {
        var log = await Recovery.RefusedStart.LogAsync(new Dictionary<string, string> { ["Storage:Provider"] = "mysql" });

        Assert.Contains("Storage:Provider", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_postgresql_an_order_is_stored_scheduled_in_the_cluster_and_delivered()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var application = new StatServiceApplication();
            application.Settings["Storage:Provider"] = "postgresql";
            application.Settings["ConnectionStrings:Orders"] = database;
            using var client = application.CreateClient("demo-company");

            var id = await StatServiceApplication.SubmitAsync(client);
            var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

            Assert.Equal(id, order.GetProperty("id").GetGuid());
            var stored = await new ScaleOut.ClusterDatabase(database).StatusesAsync();
            Assert.Equal("delivered", stored[id]);
            Assert.Equal([application.SchedulerName], await new ScaleOut.ClusterDatabase(database).SchedulerNamesAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
