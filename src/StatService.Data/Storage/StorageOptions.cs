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
