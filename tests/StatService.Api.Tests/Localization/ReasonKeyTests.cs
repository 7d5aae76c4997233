using StatService.Api.Orders;
using StatService.Core.Localization;

namespace StatService.Api.Tests.Localization;

/// <summary>The reasons the service writes into an order's history read the same in English and have a Danish text.</summary>
public sealed class ReasonKeyTests
{
    [Fact]
    public void Every_reason_the_service_writes_has_its_english_text_and_a_danish_one()
    {
        Assert.NotEmpty(ReasonKeys.All);
        foreach (var (text, key) in ReasonKeys.All)
        {
            Assert.Equal(text, Texts.Get("en", key));
            Assert.NotEqual(text, Texts.Get("da", key));
        }
    }

    [Fact]
    public void A_caseworkers_own_words_have_no_key()
    {
        Assert.Null(ReasonKeys.Of("Outside the service's remit."));
        Assert.Null(ReasonKeys.Of(null));
    }
}
