using System.Globalization;

namespace StatService.Core.Ledger;

/// <summary>Completed years of age from <see cref="Min"/> to <see cref="Max"/> inclusive (null: no upper end).</summary>
public sealed record AgeSpan(int Min, int? Max)
{
    public static AgeSpan Any { get; } = new(0, null);

    public bool IsEmpty => Max < Min;

    public AgeSpan Intersect(AgeSpan other) => new(
        Math.Max(Min, other.Min),
        Max is null ? other.Max : other.Max is null ? Max : Math.Min(Max.Value, other.Max.Value));

    public bool IsWithin(AgeSpan other) => Min >= other.Min && (other.Max is null || (Max is not null && Max <= other.Max));

    /// <summary>An age band's code (<c>30-39</c>, <c>90+</c>) as a span.</summary>
    public static AgeSpan FromBand(string band) =>
        band.EndsWith('+')
            ? new(int.Parse(band[..^1], CultureInfo.InvariantCulture), null)
            : band.Split('-') is [var low, var high]
                ? new(int.Parse(low, CultureInfo.InvariantCulture), int.Parse(high, CultureInfo.InvariantCulture))
                : throw new FormatException($"'{band}' is not an age band.");

    /// <summary><c>18-</c> for an open span, <c>30-39</c> for a closed one.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
