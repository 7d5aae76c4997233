using StatService.Core.CodeLists;
using StatService.Core.Localization;
using StatService.Core.Tables;

namespace StatService.Core.OrderSpec;

/// <summary>
/// The name a person reads for a code of a product dimension, in Danish or English: the code lists' names for
/// regions, medicines and ICD-10 chapters, the text resource's words for the rest. Releases are stored with the
/// Danish names; the deliverables of an English order are written with these.
/// </summary>
public sealed class DimensionLabels(CodeListSet codeLists)
{
    /// <summary>The name of <paramref name="code"/> in <paramref name="dimension"/>; null for a dimension or code it does not know.</summary>
    public string? Of(string language, string dimension, string code)
    {
        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        var english = Texts.Normalise(language) == Texts.English;
        string? Named(CodeList list, string c) => list.Find(c) is { } entry ? english ? entry.LabelEn : entry.LabelDa : null;

        if (code == TableDimension.TotalCode)
        {
            return dimension switch
            {
                Breakdowns.AtcGroup => T("label.total.atcgroup"),
                Breakdowns.Chapter => T("label.total.chapter"),
                Breakdowns.Region or Breakdowns.Sex or Breakdowns.AgeBand or Breakdowns.ContactBand or Breakdowns.Outcome => T("label.total"),
                _ => null,
            };
        }

        return dimension switch
        {
            Breakdowns.Region => Named(codeLists.Regions, code),
            Breakdowns.Sex => code is "male" or "female" ? T($"code.{code}") : null,
            Breakdowns.AgeBand => Breakdowns.AgeBandCodes.Contains(code) ? T("label.ageband", ("band", code)) : null,
            Breakdowns.AtcGroup => code == Breakdowns.OtherCode ? T("label.atcgroup.other") : Named(codeLists.Atc, code),
            Breakdowns.Chapter => Named(codeLists.Icd10, code),
            Breakdowns.ContactBand => Breakdowns.ContactBandCodes.Contains(code) ? T($"label.contactband.{code}") : null,
            Breakdowns.Outcome => code switch
            {
                Breakdowns.AliveCode => T("label.outcome.alive"),
                Breakdowns.UnknownCauseCode => T("label.outcome.unknown"),
                _ => Named(codeLists.Icd10, code) is { } cause ? T("label.outcome.dead", ("cause", cause)) : null,
            },
            _ => null,
        };
    }
}
