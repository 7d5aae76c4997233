using System.Text.Json;
using StatService.Core.Disclosure;

namespace StatService.Disclosure.Tests.Policies;

public sealed class DisclosurePolicyJsonTests
{
    private const string Where = "some-product/product.json";

    private static DisclosurePolicy Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DisclosurePolicyJson.Read(document.RootElement, Where);
    }

    [Fact]
    public void The_danish_default_is_threshold_4_published_zeros_and_suppression()
    {
        var policy = Read("""{ "policy": "danish-default" }""");

        Assert.Equal(DisclosurePolicy.DanishDefault, policy);
        Assert.Equal((DisclosureMethod.Suppression, 4, false, true), (policy.Method, policy.MaxSensitiveCount, policy.ZerosSensitive, policy.Dominance.IsEmpty));
        Assert.Equal(DisclosurePolicy.DanishDefault, Read("{}"));
    }

    [Fact]
    public void Named_policies_choose_their_methods()
    {
        Assert.Equal(DisclosureMethod.Rounding, Read("""{ "policy": "opensafely-rounding" }""").Method);
        Assert.Equal(new RoundingSettings(7, 5), Read("""{ "policy": "opensafely-rounding" }""").Rounding);
        Assert.Equal(DisclosureMethod.CellKey, Read("""{ "policy": "cell-key" }""").Method);
        Assert.Equal("cell-key", Read("""{ "policy": "cell-key" }""").Name);
    }

    [Fact]
    public void Every_field_can_be_overridden()
    {
        var policy = Read("""
            {
              "policy": "danish-default", "maxSensitiveCount": 2, "zerosSensitive": true,
              "dominance": { "nk": [ { "n": 1, "k": 60 }, { "n": 2, "k": 85 } ], "p": 10 },
              "protectionLevelPercent": 15, "loss": "cellValue", "solverTimeLimitSeconds": 2.5,
              "rounding": { "base": 10 }, "cellKey": { "maxNoise": 3, "variance": 2, "smallCountThreshold": 10 }
            }
            """);

        Assert.Equal(2, policy.MaxSensitiveCount);
        Assert.True(policy.ZerosSensitive);
        Assert.Equal([new NkRule(1, 60), new NkRule(2, 85)], policy.Dominance.Nk);
        Assert.Equal(10, policy.Dominance.PPercent);
        Assert.Equal(15, policy.ProtectionLevelPercent);
        Assert.Equal(InformationLoss.CellValue, policy.Loss);
        Assert.Equal(TimeSpan.FromSeconds(2.5), policy.SolverTimeLimit);
        Assert.Equal(new RoundingSettings(7, 10), policy.Rounding);
        Assert.Equal(new CellKeySettings(3, 2, 10), policy.CellKey);
        Assert.Equal(DisclosureMethod.Suppression, policy.Method);
    }

    [Theory]
    [InlineData("""{ "policy": "strict" }""", "'disclosure.policy' is 'strict', not one of danish-default, opensafely-rounding, cell-key")]
    [InlineData("""{ "maxSensitive": 3 }""", "'disclosure.maxSensitive' is not a policy field")]
    [InlineData("""{ "maxSensitiveCount": 0 }""", "'disclosure.maxSensitiveCount' must be a whole number from 1")]
    [InlineData("""{ "maxSensitiveCount": "4" }""", "'disclosure.maxSensitiveCount' must be a whole number")]
    [InlineData("""{ "zerosSensitive": "no" }""", "'disclosure.zerosSensitive' must be true or false")]
    [InlineData("""{ "dominance": { "nk": [ { "n": 0, "k": 60 } ] } }""", "'disclosure.dominance.nk[0].n' must be a whole number from 1 to 100")]
    [InlineData("""{ "dominance": { "nk": [ { "n": 2 } ] } }""", "'disclosure.dominance.nk[0]' needs both 'n' and 'k'")]
    [InlineData("""{ "dominance": { "nk": [ { "n": 1, "k": 160 } ] } }""", "'disclosure.dominance.nk[0].k' must be a number above 0 up to 100")]
    [InlineData("""{ "dominance": { "pPercent": 10 } }""", "'disclosure.dominance.pPercent' is not a policy field")]
    [InlineData("""{ "loss": "cells" }""", "'disclosure.loss' is 'cells', not one of cellCount, cellValue")]
    [InlineData("""{ "solverTimeLimitSeconds": 0 }""", "'disclosure.solverTimeLimitSeconds' must be a number from 0.1")]
    [InlineData("""{ "rounding": { "base": 0 } }""", "'disclosure.rounding.base' must be a whole number from 1")]
    [InlineData("""{ "cellKey": { "maxNoise": 1, "variance": 2 } }""", "'disclosure.cellKey.variance' is 2, more than maxNoise squared (1)")]
    [InlineData("""{ "cellKey": 3 }""", "'disclosure.cellKey' must be a JSON object")]
    public void Bad_fields_are_refused_naming_the_product_and_the_field(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(json));

        Assert.StartsWith($"{Where}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_file_names_the_file_and_its_fields_without_a_disclosure_prefix()
    {
        var policy = DisclosurePolicyJson.Parse("""{ "policy": "opensafely-rounding", "rounding": { "redactAtOrBelow": 9 } }""", "policy.json");
        Assert.Equal(new RoundingSettings(9, 5), policy.Rounding);

        var error = Assert.Throws<InvalidDataException>(() => DisclosurePolicyJson.Parse("""{ "rounding": { "bse": 9 } }""", "policy.json"));
        Assert.StartsWith("policy.json: 'rounding.bse' is not a policy field", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("policy.json: not valid JSON", Assert.Throws<InvalidDataException>(() => DisclosurePolicyJson.Parse("{ oops", "policy.json")).Message, StringComparison.Ordinal);
    }
}
