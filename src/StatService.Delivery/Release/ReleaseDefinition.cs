using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>
/// Who a release counts, as the deliverables show it: the order's definition in words when the caller has it
/// (it needs the code lists' names), else one line per parameter the order set.
/// </summary>
public static class ReleaseDefinition
{
    public static IReadOnlyList<ParameterLine> Lines(ReleaseDocument release, string language) =>
        release.Definition is { } words
            ? [new ParameterLine(Texts.Get(language, "result.definition"), words)]
            : release.Parameters;
}
