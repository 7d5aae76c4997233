using System.ComponentModel.DataAnnotations;

namespace StatService.Worker;

/// <summary>
/// How this process takes part in running orders. The embedded default runs jobs inside the API process;
/// a scaled-out deployment sets <see cref="RunJobs"/> false in API processes (they only schedule) and
/// runs worker processes with a unique <see cref="InstanceId"/> each.
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

    /// <summary>This process's id within a cluster of schedulers; empty keeps Quartz's non-clustered default.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string? InstanceId { get; set; }

    /// <summary>Orders run at the same time in this process; each query already uses every core.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How often to look for orders left without a scheduled run (the first look is at start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orders per status looked at in one sweep, oldest first.</summary>
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 100;
}
