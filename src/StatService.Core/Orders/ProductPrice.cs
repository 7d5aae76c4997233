namespace StatService.Core.Orders;

/// <summary>A product's price rule (product.json <c>"price": {"baseDkk": 2500, "perCellDkk": 2}</c>): a fixed part plus a price per table cell.</summary>
public sealed record ProductPrice(decimal BaseDkk, decimal PerCellDkk)
{
    /// <summary>The largest amount a product.json may state for either part.</summary>
    public const decimal MaxAmountDkk = 1_000_000m;


    public decimal Quote(long cells) => decimal.Round(BaseDkk + (PerCellDkk * cells), 2, MidpointRounding.AwayFromZero);
}
