namespace StatService.Api.Tests.Stores;

/// <summary>
/// Storage:Provider chooses the order store and the Quartz store together; a PostgreSQL setting that cannot
/// work stops the start with the key to fix, and a working one runs orders end to end.
/// </summary>
public sealed class StorageProviderTests
{
    [Fact]
    public async Task Postgresql_without_a_connection_string_refuses_to_start_naming_the_key()
    {
        await using var application = new StatServiceApplication();
        application.Settings["Storage:Provider"] = "postgresql";

        var refused = Assert.ThrowsAny<Exception>(() => application.CreateClient());

        Assert.Contains("ConnectionStrings:Orders is required when Storage:Provider is postgresql", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_refuses_to_start_without_echoing_it()
    {
        await using var application = new StatServiceApplication();
        application.Settings["Storage:Provider"] = "postgresql";
        application.Settings["ConnectionStrings:Orders"] = "Host=127.0.0.1;Password=secret-value;Port=not-a-port";

        var refused = Assert.ThrowsAny<Exception>(() => application.CreateClient());

        var message = Flatten(refused);
        Assert.Contains("ConnectionStrings:Orders is not a valid PostgreSQL connection string", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_refuses_to_start()
    {
        await using var application = new StatServiceApplication();
        application.Settings["Storage:Provider"] = "mysql";

        var refused = Assert.ThrowsAny<Exception>(() => application.CreateClient());

        Assert.Contains("Storage:Provider", Flatten(refused), StringComparison.Ordinal);
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

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
