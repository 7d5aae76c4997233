using System.Globalization;
using System.Text.Json.Nodes;

namespace StatService.Cli.Commands;

/// <summary>
/// Realistic orders for the ledger benchmark: the products' documented examples, each perturbed the ways requesters
/// vary an order (a code added or made narrower, an exclusion, period ends and index dates moved by days, age spans,
/// sex, regions, occurrence, breakdowns), moved into the extract's years. Seeded: the same seed gives the same orders.
/// With <paramref name="wholeMonths"/> the same orders have their periods widened to whole calendar months and their index
/// dates at the period's end: the rule proposed for requesters without review, measured against days.
/// </summary>
internal sealed class LedgerOrderGrammar(
    IReadOnlyDictionary<string, string> examples, DateOnly extractFrom, DateOnly extractTo, int seed, bool wholeMonths = false)
{
    private static readonly string[] Extra = ["DE10", "DE66", "DI10", "DJ44", "DI21", "DF32", "DG35", "DC50", "DM05"];
    private static readonly string[] Regions = ["1081", "1082", "1083", "1084", "1085"];
    private static readonly string[][] Breakdowns = [["region"], ["sex"], ["ageband"], ["region", "sex"], ["sex", "ageband"], ["region", "sex", "ageband"]];
    private readonly Random _random = new(seed);

    public string Next()
    {
        var products = examples.Keys.Order(StringComparer.Ordinal).ToArray();
        var product = _random.NextDouble() < 0.6 ? "patient-count" : products[_random.Next(products.Length)];
        var body = JsonNode.Parse(examples[product])!.AsObject();
        var p = body["parameters"]!.AsObject();
        var to = extractTo.AddDays(-_random.Next(0, 30));
        var from = product == "incidence-prevalence" ? new DateOnly(Math.Max(extractFrom.Year + 1, to.Year - 1), 1, 1) : to.AddYears(-1).AddDays(1 + _random.Next(0, 20));
        if (from < extractFrom)
        {
            from = extractFrom;
        }

        if (wholeMonths)
        {
            (from, to) = (new DateOnly(from.Year, from.Month, 1), MonthEnd(to) <= extractTo ? MonthEnd(to) : new DateOnly(to.Year, to.Month, 1).AddDays(-1));
        }

        p["period"] = new JsonObject { ["from"] = Date(from), ["to"] = Date(to) };
        if (p.ContainsKey("indexDate"))
        {
            var shift = _random.Next(0, 3);
            p["indexDate"] = Date(wholeMonths ? to : to.AddDays(-shift));
        }

        var include = p["diagnoses"]!["include"]!.AsArray();
        for (var mutations = 1 + _random.Next(3); mutations > 0; mutations--)
        {
            switch (_random.Next(8))
            {
                case 0:
                    include.Add(Extra[_random.Next(Extra.Length)]);
                    break;
                case 1:
                    p["diagnoses"]!["exclude"] = new JsonArray(Extra[_random.Next(Extra.Length)]);
                    break;
                case 2:
                    // a narrower code inside the first one (DE11 -> DE119)
                    include[0] = include[0]!.GetValue<string>() + _random.Next(0, 10).ToString(CultureInfo.InvariantCulture);
                    break;
                case 3:
                    if (p.ContainsKey("age"))
                    {
                        p["age"] = new JsonObject { ["min"] = 18 + (5 * _random.Next(0, 6)), ["max"] = _random.NextDouble() < 0.5 ? null : 70 + _random.Next(0, 20) };
                    }

                    break;
                case 4:
                    if (product == "patient-count")
                    {
                        p["sex"] = _random.NextDouble() < 0.5 ? "male" : "female";
                    }

                    break;
                case 5:
                    if (product == "patient-count")
                    {
                        p["regions"] = new JsonArray([.. Regions.Where(_ => _random.NextDouble() < 0.6).Select(r => (JsonNode)r)]);
                    }

                    break;
                case 6:
                    if (product == "patient-count")
                    {
                        p["occurrence"] = _random.NextDouble() < 0.5 ? "first-ever" : "any";
                    }

                    break;
                default:
                    if (p.ContainsKey("breakdown") && product != "incidence-prevalence")
                    {
                        p["breakdown"] = new JsonArray([.. Breakdowns[_random.Next(Breakdowns.Length)].Select(b => (JsonNode)b)]);
                    }

                    break;
            }
        }

        if (product == "custom-table")
        {
            p["measure"] = "persons";
            p.Remove("measureAtc");
        }

        return body.ToJsonString();
    }

    private static DateOnly MonthEnd(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
