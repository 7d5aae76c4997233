using System.Globalization;
using System.Text.Json;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// What protection across releases costs the requesters: of the same orders, how many were delivered as they would be
/// alone, delivered with more cells hidden than alone, or refused, and the share of hidden cells with and without it.
/// </summary>
public static class UsefulnessPrice
{
    public static string Describe(IReadOnlyList<OrderOutcome> together, IReadOnlyList<JsonElement?> alone)
    {
        int untouched = 0, moreHidden = 0, refused = 0;
        long cells = 0, hidden = 0, hiddenAlone = 0;
        for (var i = 0; i < together.Count; i++)
        {
            if (together[i].Release is not { } release)
            {
                refused++;
                continue;
            }

            var (c, h) = Hidden(release);
            var (_, ha) = alone[i] is { } single ? Hidden(single) : (0, 0);
            cells += c;
            hidden += h;
            hiddenAlone += ha;
            if (h > ha)
            {
                moreHidden++;
            }
            else
            {
                untouched++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"price in usefulness over {together.Count} orders: {untouched} delivered as alone, {moreHidden} delivered with more cells hidden than alone, " +
            $"{refused} refused ({alone.Count(o => o is null)} refused alone); hidden cells of delivered orders {Share(hidden, cells):P1} " +
            $"(alone {Share(hiddenAlone, cells):P1}; hidden for earlier releases {Share(hidden - hiddenAlone, cells):P1})");
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static (int Cells, int Hidden) Hidden(JsonElement release)
    {
        var cells = release.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("cells").EnumerateArray()).ToArray();
        return (cells.Length, cells.Count(c => c.GetProperty("value").ValueKind == JsonValueKind.Null));
    }
}
