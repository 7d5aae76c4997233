using System.ComponentModel.DataAnnotations;

namespace StatService.Worker;

/// <summary>
/// How this process takes part in running orders. The embedded default runs jobs inside the API process;
/// a scaled-out deployment (PostgreSQL, Quartz clustered) sets <see cref="RunJobs"/> false in API processes
/// (they only schedule) and runs worker processes, each with its own <see cref="InstanceId"/> (or a generated one).
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Whether this process executes order jobs and sweeps for orders left without a run.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>The Quartz scheduler's name; processes sharing one job store must agree on it.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string SchedulerName { get; set; } = "StatService";

    /// <summary>
    /// This process's id within a cluster of schedulers (PostgreSQL); empty: Quartz's non-clustered default on SQLite,
    /// a generated id (host name and time) when clustered. Must differ between processes sharing one database.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string? InstanceId { get; set; }

    /// <summary>Orders run at the same time in this process; each query already uses every core.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How often to look for orders left without a scheduled run (the first look is at start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an idle scheduler looks in the job store for runs that another process (an API process with
    /// <see cref="RunJobs"/> off) scheduled: the longest an order waits for a free worker to notice it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Clustered (PostgreSQL) only: how often this process records in the job store that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// Clustered only: how long past a missed check-in the other workers wait before they take over a process's
    /// orders. A killed worker's orders run again elsewhere after about interval + threshold; keep it above the
    /// longest pause a live worker can have (garbage collection, a database failover).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Orders per status looked at in one sweep, oldest first.</summary>
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 100;
}
