using System.Globalization;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The only use of the wall clock in protection: a bound that fails the release when it is reached. Every limit that
/// decides a pattern counts work (the solver's deterministic time, audit programs), so a busy or slow machine gets the
/// same pattern later, or none: stopping early would release another pattern than an idle machine does.
/// </summary>
internal static class WallClockGuard
{
    /// <summary>A release may take this long at least, however small its model effort.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The guard for a release whose model effort is <paramref name="modelEffort"/>: far beyond what its work takes even on
    /// a machine shared with several others (a thin table of 10,000 cells took 10 minutes of wall time for 2 of CPU there).
    /// </summary>
    public static TimeSpan For(TimeSpan modelEffort) =>
        modelEffort > TimeSpan.Zero && modelEffort * 300 > Minimum ? modelEffort * 300 : Minimum;

    /// <summary>
    /// Runs <paramref name="work"/> with a token that is also cancelled when <paramref name="limit"/> has passed; then it
    /// throws a <see cref="DisclosureException"/> (nothing is released) instead of the cancellation.
    /// </summary>
    public static T Run<T>(TimeSpan limit, CancellationToken cancellationToken, Func<CancellationToken, T> work)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit > TimeSpan.Zero)
        {
            guard.CancelAfter(limit);
        }
        else
        {
            guard.Cancel();
        }

        try
        {
            return work(guard.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DisclosureException(string.Create(
                CultureInfo.InvariantCulture, $"Protection did not finish within {limit.TotalSeconds:0} s; nothing was released."));
        }
    }
}
