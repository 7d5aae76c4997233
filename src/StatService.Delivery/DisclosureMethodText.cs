using StatService.Core.Disclosure;

namespace StatService.Delivery;

/// <summary>The method's name in deliverables and policy files.</summary>
public static class DisclosureMethodText
{
    public static string Of(DisclosureMethod method) => method switch
    {
        DisclosureMethod.Rounding => "rounding",
        DisclosureMethod.CellKey => "cell-key",
        _ => "suppression",
    };
}
