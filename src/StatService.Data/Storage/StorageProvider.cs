namespace StatService.Data.Storage;

/// <summary>Where orders and the Quartz schedule are kept (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>SQLite files in the data directory: one process, the worker in-process (the embedded default).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database (<c>ConnectionStrings:Orders</c>): API and worker processes side by side, Quartz clustered.</summary>
    PostgreSql,
}
