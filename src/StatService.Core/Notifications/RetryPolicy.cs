namespace StatService.Core.Notifications;

/// <summary>
/// Exponential back-off with jitter: the delay after attempt n (1-based) is drawn uniformly from
/// [d/2, d] with d = min(<see cref="MaxDelay"/>, <see cref="InitialDelay"/> x 2^(n-1)), so retries spread out
/// instead of arriving in waves at a receiver that has just come back. After <see cref="MaxAttempts"/>
/// attempts the notification is given up.
/// </summary>
public sealed record RetryPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt, or null when it was the last one.</summary>
    public TimeSpan? DelayAfter(int attempt, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var ceiling = Ceiling(attempt);
        var half = ceiling / 2;
        return half + (ceiling - half) * random.NextDouble();
    }

    /// <summary>The longest wait after the <paramref name="attempt"/>-th failed attempt (the jitter draws below it).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        // Doubling past 2^30 only overflows; the cap has been reached long before.
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(MaxDelay.Ticks, InitialDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }
}
