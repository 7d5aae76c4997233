using System.Diagnostics;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;

namespace StatService.Cli.Commands;

/// <summary>The service's cross-release audit, with each call's time and work kept for the benchmark's figures.</summary>
internal sealed class TimedAudit(ICrossReleaseAudit inner) : ICrossReleaseAudit
{
    public List<(double Milliseconds, CrossReleaseFindings Findings)> Calls { get; } = [];

    public CrossReleaseFindings Audit(
        ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, AuditMemory? memory, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var findings = inner.Audit(candidate, earlier, policy, memory, cancellationToken);
        Calls.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, findings));
        return findings;
    }
}
