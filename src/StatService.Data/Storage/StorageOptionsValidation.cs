using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace StatService.Data.Storage;

/// <summary>
/// Refuses to start on PostgreSQL without a usable connection string, naming the key; the connection string
/// itself is never echoed (it holds a password).
/// </summary>
internal sealed class StorageOptionsValidation(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        Check(StorageConnectionStrings.Orders(configuration), StorageConnectionStrings.OrdersName, failures);
        if (configuration.GetConnectionString(StorageConnectionStrings.QuartzName) is { Length: > 0 } quartz)
        {
            Check(quartz, StorageConnectionStrings.QuartzName, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? connectionString, string name, List<string> failures)
    {
        if (connectionString is null)
        {
            failures.Add($"ConnectionStrings:{name} is required when Storage:Provider is postgresql.");
            return;
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                failures.Add($"ConnectionStrings:{name} names no Host.");
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            failures.Add($"ConnectionStrings:{name} is not a valid PostgreSQL connection string ({exception.GetType().Name}).");
        }
    }
}
