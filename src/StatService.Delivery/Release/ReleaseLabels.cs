using StatService.Core.OrderSpec;
using StatService.Core.Catalogue;
using StatService.Core.Localization;
using StatService.Delivery.Release.Records;

namespace StatService.Delivery.Release;

/// <summary>
/// A stored release with its code names in the language a deliverable is written in. Releases are stored with
/// Danish names; an English order reads "Women" and "North Denmark Region", not "Kvinder" and "Region Nordjylland".
/// Only names change: codes, values and statuses are the stored ones.
/// </summary>
public static class ReleaseLabels
{
    /// <summary>
    /// The release with each known code named in <paramref name="language"/>; the stored text itself when nothing is
    /// renamed (a Danish deliverable, or a release without known dimensions), so it stays byte for byte the stored one.
    /// </summary>
    public static string InLanguage(string releaseJson, string language, DimensionLabels labels)
    {
        if (Texts.Normalise(language) == Texts.Danish)
        {
            return releaseJson;
        }

        var release = ReleaseJson.Read(releaseJson);
        var renamed = false;
        var tables = release.Tables.Select(table => table with
        {
            Dimensions = [.. table.Dimensions.Select(dimension => dimension with
            {
                Codes = [.. dimension.Codes.Select(code =>
                {
                    if (labels.Of(language, dimension.Name, code.Code) is not { } label || label == code.Label)
                    {
                        return code;
                    }

                    renamed = true;
                    return code with { Label = label };
                })],
            })],
        }).ToArray();
        return renamed ? ReleaseJson.Write(release with { Tables = tables }) : releaseJson;
    }
}
