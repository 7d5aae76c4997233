using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace StatService.Data.Storage;

/// <summary>Where the service keeps its files: the order database, the Quartz database and (by default) extracts.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data directory; a relative path is taken from the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>sqlite</c> (the default) or <c>postgresql</c>, which needs <c>ConnectionStrings:Orders</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>How long a starting process waits for its database (PostgreSQL may still be starting beside it).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an SQLite write waits for another writer's lock before the request is answered 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Free space the order store's disk should keep (SQLite): below twice this <c>/health</c> is Degraded, below it
    /// Unhealthy, so a load balancer or an operator acts before writes fail.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MinimumFreeMegabytes { get; set; } = 256;

    /// <summary>The full path of the data directory, created if it is missing; for the service user alone (0700).</summary>
    public string ResolveDataDirectory(string contentRoot) => PrivateFiles.CreateDirectory(Path.GetFullPath(DataDirectory, contentRoot));

    /// <summary>The configured provider, read while the host is being built (Quartz chooses its store from it).</summary>
    public static StorageProvider ReadProvider(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions()).Provider;

    /// <summary>
    /// For registrations that must know the path while the host is being built (Quartz's connection string),
    /// before options can be resolved; reads the same configuration the bound options do.
    /// </summary>
    public static string ResolveDataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        return options.ResolveDataDirectory(environment.ContentRootPath);
    }
}
