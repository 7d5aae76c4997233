using StatService.Core.OrderSpec;

namespace StatService.Core.Catalogue;

/// <summary>
/// One table of a product's release, as declared in <c>product.json</c>. The product's SQL returns rows
/// for it under <see cref="Name"/> (or <c>Name-YYYY</c> when <see cref="PerYear"/>), with codes for
/// <see cref="Dimensions"/> in columns d1..d3 and every margin as <c>total</c>.
/// </summary>
public sealed record TableSpec
{
    /// <summary>In <see cref="Dimensions"/>: stands for the order's breakdowns, in the order given.</summary>
    public const string OrderBreakdown = "$breakdown";

    public required string Name { get; init; }

    public required IReadOnlyList<string> Dimensions { get; init; }

    /// <summary>
    /// True when each person is in exactly one inner cell (the architecture's invariant). False needs
    /// <see cref="NonAdditiveReason"/>: margins are then distinct persons, bounded by their parts, not sums.
    /// </summary>
    public bool Additive { get; init; } = true;

    public string? NonAdditiveReason { get; init; }

    /// <summary>Tables with one link group count the same persons and are protected as one problem.</summary>
    public string? LinkGroup { get; init; }

    /// <summary>One table per calendar year of the order's period.</summary>
    public bool PerYear { get; init; }

    /// <summary>Whom the table counts (<see cref="TablePersons"/>); null: persons particular to this table of this product.</summary>
    public string? Persons { get; init; }

    /// <summary>The dimension names with <see cref="OrderBreakdown"/> replaced by the order's breakdowns.</summary>
    public IReadOnlyList<string> DimensionsFor(CohortParameters parameters) =>
        Dimensions.SelectMany(d => d == OrderBreakdown ? parameters.Breakdown : [d]).ToArray();

    /// <summary>The names the query uses for this table for an order.</summary>
    public IReadOnlyList<string> InstanceNames(CohortParameters parameters) => Instances(parameters).Select(i => i.Name).ToArray();

    /// <summary>The tables the query returns for an order, each with its year when the table is one per year.</summary>
    public IReadOnlyList<(string Name, int? Year)> Instances(CohortParameters parameters) =>
        PerYear ? ProductYears.Of(parameters.Period).Select(y => ($"{Name}-{y}", (int?)y)).ToArray() : [(Name, null)];
}

/// <summary>
/// A table computed after protection from two protected tables with the same dimensions: a rate per
/// <see cref="Per"/> of the numerator over the denominator, suppressed where either is. It is a function
/// of published numbers only, so it discloses nothing the release does not.
/// </summary>
public sealed record RateSpec(string Name, string Numerator, string Denominator, int Per);

/// <summary>What one order of a product may ask for at most, checked before it is accepted.</summary>
public sealed record ProductLimits
{
    public int MaxCells { get; init; } = 5000;

    public int MaxDimensions { get; init; } = 3;

    /// <summary>Code prefixes over all criteria (diagnoses, procedures, medications, include and exclude).</summary>
    public int MaxCriteria { get; init; } = 30;

    public int MaxPeriodYears { get; init; } = 10;
}

public static class ProductYears
{
    /// <summary>The calendar years the period touches, in order.</summary>
    public static IReadOnlyList<int> Of(Period period) =>
        Enumerable.Range(period.From.Year, period.To.Year - period.From.Year + 1).ToArray();

    /// <summary>The part of a year inside the period.</summary>
    public static Period Window(Period period, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return new Period(from < period.From ? period.From : from, to > period.To ? period.To : to);
    }
}
