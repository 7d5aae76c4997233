using System.Globalization;
using System.Text.Json;
using StatService.Core.Json;

namespace StatService.Core.Disclosure;

/// <summary>
/// Reads a disclosure policy from JSON (a product's <c>"disclosure"</c> object, or a policy file for
/// <c>statservice protect</c>): a named policy, then any of its fields overridden one by one. Unknown fields and bad
/// values stop with <see cref="InvalidDataException"/> naming the source and the field, so a typo never silently
/// leaves a product on a weaker rule.
/// </summary>
public static class DisclosurePolicyJson
{
    public static readonly IReadOnlyDictionary<string, DisclosurePolicy> Named = new Dictionary<string, DisclosurePolicy>(StringComparer.Ordinal)
    {
        [DisclosurePolicy.DanishDefault.Name] = DisclosurePolicy.DanishDefault,
        ["opensafely-rounding"] = DisclosurePolicy.DanishDefault with { Name = "opensafely-rounding", Method = DisclosureMethod.Rounding },
        ["cell-key"] = DisclosurePolicy.DanishDefault with { Name = "cell-key", Method = DisclosureMethod.CellKey },
    };

    private static readonly string[] Fields =
    [
        "policy", "maxSensitiveCount", "zerosSensitive", "zerosMayBeHidden", "dominance", "protectionLevelPercent", "loss",
        "solverTimeLimitSeconds", "rounding", "cellKey",
    ];

    /// <summary>Reads a policy file's text; <paramref name="where"/> names the file in messages.</summary>
    public static DisclosurePolicy Parse(string json, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(document.RootElement, where, path: null);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads the policy object. <paramref name="where"/> names the source (<c>patient-count/product.json</c>) and
    /// <paramref name="path"/> the object's own name in it (<c>disclosure</c>), both used in messages.
    /// </summary>
    public static DisclosurePolicy Read(JsonElement element, string where, string? path = "disclosure")
    {
        var reader = new JsonFieldReader(where, path);
        reader.RequireObject(element, null);
        reader.RejectUnknown(element, null, Fields, "a policy field");

        var name = element.TryGetProperty("policy", out var named) ? reader.Text(named, "policy") : DisclosurePolicy.DanishDefault.Name;
        if (!Named.TryGetValue(name, out var policy))
        {
            throw reader.Error("policy", $"is '{name}', not one of {string.Join(", ", Named.Keys)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            policy = property.Name switch
            {
                "maxSensitiveCount" => policy with { MaxSensitiveCount = reader.Whole(value, property.Name, 1, 1_000_000) },
                "zerosSensitive" => policy with { ZerosSensitive = reader.Boolean(value, property.Name) },
                "zerosMayBeHidden" => policy with { ZerosMayBeHidden = reader.Boolean(value, property.Name) },
                "dominance" => policy with { Dominance = ReadDominance(reader, value) },
                "protectionLevelPercent" => policy with { ProtectionLevelPercent = reader.Number(value, property.Name, 0, 100) },
                "loss" => policy with { Loss = ReadLoss(reader, value) },
                "solverTimeLimitSeconds" => policy with { SolverTimeLimit = TimeSpan.FromSeconds(reader.Number(value, property.Name, 0.1, 3600)) },
                "rounding" => policy with { Rounding = ReadRounding(reader, value, policy.Rounding) },
                "cellKey" => policy with { CellKey = ReadCellKey(reader, value, policy.CellKey) },
                _ => policy,
            };
        }

        return policy;
    }

    private static DominanceRules ReadDominance(JsonFieldReader reader, JsonElement element)
    {
        reader.RequireObject(element, "dominance");
        reader.RejectUnknown(element, "dominance", ["nk", "p"], "a policy field");
        var nk = new List<NkRule>();
        if (element.TryGetProperty("nk", out var rules))
        {
            if (rules.ValueKind != JsonValueKind.Array)
            {
                throw reader.Error("dominance.nk", "must be an array of {\"n\": whole number, \"k\": percent}");
            }

            var i = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                var at = $"dominance.nk[{i++}]";
                reader.RequireObject(rule, at);
                reader.RejectUnknown(rule, at, ["n", "k"], "a policy field");
                if (!rule.TryGetProperty("n", out var n) || !rule.TryGetProperty("k", out var k))
                {
                    throw reader.Error(at, "needs both 'n' and 'k'");
                }

                nk.Add(new NkRule(reader.Whole(n, $"{at}.n", 1, 100), reader.Number(k, $"{at}.k", 0, 100, lowerOpen: true)));
            }
        }

        double? p = element.TryGetProperty("p", out var pp) && pp.ValueKind != JsonValueKind.Null
            ? reader.Number(pp, "dominance.p", 0, 100, lowerOpen: true)
            : null;
        return nk.Count == 0 && p is null ? DominanceRules.None : new DominanceRules(nk, p);
    }

    private static InformationLoss ReadLoss(JsonFieldReader reader, JsonElement element) => reader.Text(element, "loss") switch
    {
        "cellCount" => InformationLoss.CellCount,
        "cellValue" => InformationLoss.CellValue,
        var other => throw reader.Error("loss", $"is '{other}', not one of cellCount, cellValue"),
    };

    private static RoundingSettings ReadRounding(JsonFieldReader reader, JsonElement element, RoundingSettings current)
    {
        reader.RequireObject(element, "rounding");
        reader.RejectUnknown(element, "rounding", ["redactAtOrBelow", "base"], "a policy field");
        return new RoundingSettings(
            element.TryGetProperty("redactAtOrBelow", out var redact) ? reader.Whole(redact, "rounding.redactAtOrBelow", 0, 1_000_000) : current.RedactAtOrBelow,
            element.TryGetProperty("base", out var roundTo) ? reader.Whole(roundTo, "rounding.base", 1, 1_000_000) : current.Base);
    }

    private static CellKeySettings ReadCellKey(JsonFieldReader reader, JsonElement element, CellKeySettings current)
    {
        reader.RequireObject(element, "cellKey");
        reader.RejectUnknown(element, "cellKey", ["maxNoise", "variance", "smallCountThreshold"], "a policy field");
        var settings = new CellKeySettings(
            element.TryGetProperty("maxNoise", out var max) ? reader.Whole(max, "cellKey.maxNoise", 1, 100) : current.MaxNoise,
            element.TryGetProperty("variance", out var variance) ? reader.Number(variance, "cellKey.variance", 0, 10_000, lowerOpen: true) : current.Variance,
            element.TryGetProperty("smallCountThreshold", out var small) ? reader.Whole(small, "cellKey.smallCountThreshold", 0, 1_000_000) : current.SmallCountThreshold);

        // Noise bounded by D with mean 0 has variance at most D^2 (all of it at -D and +D).
        if (settings.Variance > (double)settings.MaxNoise * settings.MaxNoise)
        {
            throw reader.Error("cellKey.variance", string.Create(CultureInfo.InvariantCulture,
                $"is {settings.Variance}, more than maxNoise squared ({settings.MaxNoise * settings.MaxNoise}), which noise of at most {settings.MaxNoise} cannot reach"));
        }

        return settings;
    }
}
