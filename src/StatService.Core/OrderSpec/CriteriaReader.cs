using System.Text.Json;
using StatService.Core.CodeLists;

namespace StatService.Core.OrderSpec;

/// <summary>
/// Reads the code criteria of an order (<c>diagnoses</c>, <c>procedures</c>, <c>medications</c>) and code lists such as
/// <c>measureAtc</c>: upper-case prefixes, blocks or chapters the code lists know, each list at most
/// <see cref="OrderLimits.MaxCodesPerCriterion"/> long.
/// </summary>
internal sealed class CriteriaReader(CodeListSet codeLists, ProcedureCodes procedures, OrderLimits limits)
{
    private const string Icd10 = "ICD-10 (SKS) diagnosis";

    public DiagnosisCriteria? ReadDiagnoses(JsonElement parameters, BodyField root)
    {
        var field = root.Field("diagnoses");
        if (field.In(parameters) is not { } element)
        {
            return new DiagnosisCriteria();
        }

        if (!field.ExpectObject(element, ["include", "exclude", "diagnosisTypes"]))
        {
            return null;
        }

        var include = ReadCodes(element, field.Field("include"), codeLists.Icd10, Icd10);
        var exclude = ReadCodes(element, field.Field("exclude"), codeLists.Icd10, Icd10);
        var types = ReadDiagnosisTypes(element, field.Field("diagnosisTypes"));
        return include is null || exclude is null || types is null
            ? null
            : new DiagnosisCriteria { Include = include, Exclude = exclude, DiagnosisTypes = types };
    }

    public CodeCriteria? ReadProcedures(JsonElement parameters, BodyField root) =>
        ReadCriteria(parameters, root.Field("procedures"), procedures.List, "SKS procedure");

    public CodeCriteria? ReadMedications(JsonElement parameters, BodyField root) =>
        ReadCriteria(parameters, root.Field("medications"), codeLists.Atc, "ATC");

    /// <summary><c>measureAtc</c>: the ATC prefixes a dispensings or DDD measure sums.</summary>
    public IReadOnlyList<string>? ReadMeasureAtc(JsonElement parameters, BodyField root) =>
        ReadCodes(parameters, root.Field("measureAtc"), codeLists.Atc, "ATC");

    private static IReadOnlyList<string>? ReadDiagnosisTypes(JsonElement diagnoses, BodyField field)
    {
        if (field.In(diagnoses) is not { } element)
        {
            return DiagnosisCriteria.CountedTypes;
        }

        var allowed = DiagnosisCriteria.CountedTypes;
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() is 0 or > 2)
        {
            field.Error("Must be a non-empty array of \"A\" (action diagnosis) and/or \"B\" (secondary diagnosis).");
            return null;
        }

        var types = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var type = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToUpperInvariant() : null;
            if (type is null || !allowed.Contains(type, StringComparer.Ordinal))
            {
                field.Item(index).Error("Must be \"A\" (action diagnosis) or \"B\" (secondary diagnosis).");
            }
            else if (!types.Contains(type, StringComparer.Ordinal))
            {
                types.Add(type);
            }

            index++;
        }

        return types;
    }

    private CodeCriteria? ReadCriteria(JsonElement parameters, BodyField field, CodeList list, string system)
    {
        if (field.In(parameters) is not { } element)
        {
            return new CodeCriteria();
        }

        if (!field.ExpectObject(element, ["include", "exclude"]))
        {
            return null;
        }

        var include = ReadCodes(element, field.Field("include"), list, system);
        var exclude = ReadCodes(element, field.Field("exclude"), list, system);
        return include is null || exclude is null ? null : new CodeCriteria { Include = include, Exclude = exclude };
    }

    /// <summary>The codes of <paramref name="field"/> in <paramref name="parent"/>; empty when absent, null after an error.</summary>
    private IReadOnlyList<string>? ReadCodes(JsonElement parent, BodyField field, CodeList list, string system)
    {
        if (field.In(parent) is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            field.Error("Must be an array of code prefixes.");
            return null;
        }

        if (element.GetArrayLength() > limits.MaxCodesPerCriterion)
        {
            field.Error($"At most {limits.MaxCodesPerCriterion} codes are allowed.");
            return null;
        }

        var codes = new List<string>();
        var index = 0;
        var failed = false;
        foreach (var item in element.EnumerateArray())
        {
            var itemField = field.Item(index++);
            if (item.ValueKind != JsonValueKind.String)
            {
                itemField.Error("Must be a string code prefix.");
                failed = true;
                continue;
            }

            var code = item.GetString()!.Trim().ToUpperInvariant();

            // A block (DE10-DE14) or chapter (chIV) stands for the range of codes it names; kept as the list spells it.
            if (code.Length <= 10 && list.Find(code) is { Level: CodeLevels.Block or CodeLevels.Chapter } range)
            {
                code = range.Code;
            }
            else if (code.Length is 0 or > 10 || !code.All(char.IsAsciiLetterOrDigit))
            {
                itemField.Error($"'{Shorten(item.GetString()!)}' is not a {system} code prefix (letters and digits, at most 10).");
                failed = true;
                continue;
            }
            else if (!list.IsKnownPrefix(code))
            {
                var suggestions = list.Suggest(code, 3).Select(s => $"{s.Code} ({s.LabelDa})");
                itemField.Error($"Unknown {system} code prefix '{code}'. Closest valid codes: {string.Join(", ", suggestions)}.");
                failed = true;
                continue;
            }

            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        // A list with a rejected code is not "empty": no second error that no criterion was given.
        return failed ? null : codes;
    }

    // Echo at most a short, printable piece of a rejected value: error messages must stay readable and safe.
    private static string Shorten(string value)
    {
        var printable = new string(value.Where(c => !char.IsControl(c)).Take(20).ToArray());
        return value.Length > 20 ? printable + "..." : printable;
    }
}
