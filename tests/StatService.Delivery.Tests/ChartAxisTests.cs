using StatService.Core.Localization;
using StatService.Delivery.Release;

namespace StatService.Delivery.Tests;

/// <summary>A chart's value axis: whole-number steps from 0 that reach the largest value and leave room for their labels.</summary>
public sealed class ChartAxisTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(3L)]
    [InlineData(9L)]
    [InlineData(11L)]
    [InlineData(516L)]
    [InlineData(1_116L)]
    [InlineData(4_152L)]
    [InlineData(99_999L)]
    [InlineData(3_148_010L)]
    public void Steps_are_whole_and_even_reach_the_largest_value_and_labels_fit(long max)
    {
        const double length = 300, gap = 6;
        double Extent(long tick) => ChartLayout.Width(Texts.Number(Texts.Danish, tick), 10);

        var ticks = ChartLayout.Ticks(max, length, Extent, gap);

        Assert.True(ticks.Count >= 2, "an axis has at least 0 and a top");
        Assert.Equal(0, ticks[0]);
        var step = ticks[1] - ticks[0];
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
        var power = (long)Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(step / power, new[] { 1L, 2L, 5L });
        Assert.Equal(0, step % power);
        Assert.True(ticks[^1] >= max && ticks[^1] - step < max, $"the top {ticks[^1]} is the first step at or above {max}");
        Assert.All(ticks, t => Assert.True(Extent(t) + gap <= length / (ticks.Count - 1), $"the label of {t} does not fit between ticks"));
    }
}
