using StatService.Core.OrderSpec;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatService.Core.Catalogue;
using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>
/// A stored release with its code names in the language a deliverable is written in. Releases are stored with
/// Danish names; an English order reads "Women" and "North Denmark Region", not "Kvinder" and "Region Nordjylland".
/// Only names change: codes, values and statuses are the stored ones.
/// </summary>
public static class ReleaseLabels
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

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

        var release = JsonNode.Parse(releaseJson)!.AsObject();
        var renamed = false;
        foreach (var table in release["tables"]?.AsArray() ?? [])
        {
            foreach (var dimension in table?["dimensions"]?.AsArray() ?? [])
            {
                var name = dimension?["name"]?.GetValue<string>();
                foreach (var code in dimension?["codes"]?.AsArray() ?? [])
                {
                    if (name is not null && code?["code"]?.GetValue<string>() is { } value && labels.Of(language, name, value) is { } label
                        && code["label"]?.GetValue<string>() != label)
                    {
                        code["label"] = label;
                        renamed = true;
                    }
                }
            }
        }

        return renamed ? release.ToJsonString(Indented) : releaseJson;
    }
}
