using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

/// <summary>A synthetic person: pseudonym and attributes, as a query would see them.</summary>
internal sealed record Person(string Pseudonym, string Region, string Sex, string AgeBand);

/// <summary>Builds count tables with cell keys from persons, the way a cell-key query must: count and sum record keys per cell.</summary>
internal static class Persons
{
    public static readonly RecordKeys Keys = new("a test secret that is long enough"u8);

    public static readonly string[] Regions = ["1081", "1082", "1083", "1084", "1085"];

    public static Person[] Random(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new Person(
                $"p{seed}-{i:D6}",
                Regions[random.Next(Regions.Length)],
                random.Next(2) == 0 ? "male" : "female",
                ((random.Next(9) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
    }

    /// <summary>
    /// The table of the persons by the given attributes. Every cell's key is summed directly from the persons in it
    /// (margins too), independently of <see cref="CellKeySum.WithMargins"/>.
    /// </summary>
    public static CountTable Table(string name, IReadOnlyList<Person> persons, params (string Name, Func<Person, string> Of)[] by)
    {
        var dimensions = by.Select(b => PolicyTables.Flat(b.Name, persons.Select(b.Of).Distinct().Order(StringComparer.Ordinal).ToArray())).ToArray();
        var shape = CountTable.FromInnerCells(name, dimensions, _ => 0);
        var counts = new long[shape.CellCount];
        var keys = new ulong[shape.CellCount];
        foreach (var person in persons)
        {
            // Every cell the person counts in: each dimension at the person's code or at its total.
            for (var mask = 0; mask < 1 << by.Length; mask++)
            {
                var coordinates = by.Select((b, d) => (mask & (1 << d)) != 0 ? 0 : dimensions[d].IndexOf(b.Of(person))).ToArray();
                var cell = shape.CellIndex(coordinates);
                counts[cell]++;
                keys[cell] += Keys.WholeKeyOf(person.Pseudonym);
            }
        }

        return new CountTable(name, dimensions, counts) { CellKeys = keys.Select(CellKeySum.ToKey).ToArray() };
    }
}
