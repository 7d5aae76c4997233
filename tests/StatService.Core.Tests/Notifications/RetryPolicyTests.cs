using StatService.Core.Notifications;

namespace StatService.Core.Tests.Notifications;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), MaxAttempts: 8);

    [Fact]
    public void Each_wait_lies_between_half_and_all_of_the_doubled_delay_capped_at_the_maximum()
    {
        var random = new Random(7);
        for (var attempt = 1; attempt < Policy.MaxAttempts; attempt++)
        {
            // 30 s, 60 s, 120 s, 240 s, 480 s, then the 600 s cap.
            var ceiling = TimeSpan.FromSeconds(Math.Min(600, 30 * (1 << (attempt - 1))));
            for (var draw = 0; draw < 200; draw++)
            {
                var delay = Policy.DelayAfter(attempt, random);
                Assert.NotNull(delay);
                Assert.InRange(delay.Value, ceiling / 2, ceiling);
            }
        }
    }

    [Fact]
    public void Waits_are_spread_out_not_identical()
    {
        var random = new Random(11);
        var delays = Enumerable.Range(0, 50).Select(_ => Policy.DelayAfter(3, random)!.Value).ToHashSet();

        Assert.True(delays.Count > 40, $"only {delays.Count} distinct delays out of 50");
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_further_wait()
    {
        Assert.NotNull(Policy.DelayAfter(Policy.MaxAttempts - 1, new Random(1)));
        Assert.Null(Policy.DelayAfter(Policy.MaxAttempts, new Random(1)));
    }

    [Fact]
    public void Very_late_attempts_stay_at_the_cap_without_overflow()
    {
        var policy = Policy with { MaxAttempts = 100 };

        Assert.Equal(TimeSpan.FromMinutes(10), policy.Ceiling(99));
    }
}
