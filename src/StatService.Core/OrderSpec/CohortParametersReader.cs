using System.Globalization;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;

namespace StatService.Core.OrderSpec;

/// <summary>
/// Reads and validates the cohort parameters of an order body. Strict: unknown fields, wrong types,
/// unknown codes and dates outside the extract are errors naming the field; nothing is guessed.
/// </summary>
public sealed class CohortParametersReader(CodeListSet codeLists, ProcedureCodes procedures, OrderLimits limits)
{
    /// <summary>Every field of order spec version 1.</summary>
    public static readonly string[] KnownFields =
    [
        "specVersion", "extractVersion", "diagnoses", "procedures", "medications", "occurrence", "period", "indexDate",
        "age", "sex", "regions", "aliveAndResident", "breakdown", "measure", "measureAtc", "medicationGroups",
    ];

    public const int MaxTopGroups = 30;

    private const int MaxRegionItems = 10;

    private readonly Breakdowns _breakdowns = new(codeLists);

    /// <summary>The release's size in cells (margins and rate tables included), estimated from the dimensions before the query runs.</summary>
    public long EstimateCells(ProductDefinition product, CohortParameters parameters) => product.EstimateCells(parameters, _breakdowns);

    public CohortParameters? Read(JsonElement parameters, ExtractInfo extract, ProductDefinition product, ValidationErrors errors)
    {
        const string root = "parameters";
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            errors.Add(root, "Must be an object.");
            return null;
        }

        foreach (var property in parameters.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{root}.{property.Name}", $"Unknown parameter. Known parameters: {string.Join(", ", product.Parameters)}.");
            }
            else if (!product.Parameters.Contains(property.Name, StringComparer.Ordinal) && property.Value.ValueKind != JsonValueKind.Null)
            {
                errors.Add($"{root}.{property.Name}", $"Not used by the product '{product.Id}'. Its parameters: {string.Join(", ", product.Parameters)}.");
            }
        }

        ReadSpecVersion(parameters, errors);
        var diagnoses = ReadDiagnoses(parameters, errors);
        var procedureCriteria = ReadCriteria(parameters, "procedures", procedures.List, "SKS procedure", errors);
        var medications = ReadCriteria(parameters, "medications", codeLists.Atc, "ATC", errors);
        var occurrence = product.FixedOccurrence ?? ReadOccurrence(parameters, errors);
        var period = ReadPeriod(parameters, extract, product.Limits, errors);
        var indexDate = Optional(parameters, "indexDate") is { } indexElement
            ? ReadDate(indexElement, $"{root}.indexDate", errors)
            : period?.To;
        if (indexDate is { } index && (index < extract.CoverageFrom || index > extract.CoverageTo))
        {
            errors.Add($"{root}.indexDate", $"Must lie within the extract's coverage {extract.CoverageFrom:yyyy-MM-dd} to {extract.CoverageTo:yyyy-MM-dd}.");
        }

        var age = ReadAge(parameters, errors);
        var sex = ReadSex(parameters, errors);
        var regions = ReadRegions(parameters, errors);
        var alive = ReadBoolean(parameters, "aliveAndResident", true, errors);
        var breakdown = ReadBreakdown(parameters, product.Breakdowns, product.Limits.MaxDimensions, errors);
        var measure = ReadMeasure(parameters, product.Measures, errors);
        var measureAtc = ReadCodes(parameters, "measureAtc", root, codeLists.Atc, "ATC", errors);
        var groups = ReadMedicationGroups(parameters, errors);

        if (diagnoses is not null && procedureCriteria is not null && medications is not null &&
            diagnoses.Include.Count + procedureCriteria.Include.Count + medications.Include.Count == 0)
        {
            errors.Add(root, "At least one inclusion criterion is required: diagnoses.include, procedures.include or medications.include.");
        }

        if (errors.Any || diagnoses is null || procedureCriteria is null || medications is null || occurrence is null || period is null ||
            indexDate is null || age is null || regions is null || breakdown is null || measure is null || measureAtc is null || groups is null)
        {
            return null;
        }

        var result = new CohortParameters
        {
            ExtractVersion = extract.Version,
            Diagnoses = diagnoses,
            Procedures = procedureCriteria,
            Medications = medications,
            Occurrence = occurrence,
            Period = period,
            IndexDate = indexDate.Value,
            Age = age,
            Sex = sex,
            Regions = regions,
            AliveAndResident = alive,
            Breakdown = breakdown,
            Measure = measure,
            MeasureAtc = measureAtc.Count > 0 ? measureAtc : medications.Include,
            MedicationGroups = groups,
        };
        CheckLimits(result, product, errors);
        return errors.Any ? null : result;
    }

    /// <summary>The product's limits on criteria and size; the size is estimated from the dimensions before anything runs.</summary>
    private void CheckLimits(CohortParameters parameters, ProductDefinition product, ValidationErrors errors)
    {
        if (parameters.CriteriaCount > product.Limits.MaxCriteria)
        {
            errors.Add("parameters", $"The order has {parameters.CriteriaCount} code criteria; '{product.Id}' allows at most {product.Limits.MaxCriteria} over diagnoses, procedures and medications.");
        }

        var cells = product.CountedCells(parameters, _breakdowns);
        if (cells > product.Limits.MaxCells)
        {
            errors.Add("parameters.breakdown", $"The result would have about {cells:N0} cells; '{product.Id}' allows at most {product.Limits.MaxCells:N0}. Use fewer breakdowns or a shorter period.");
        }
    }

    private static void ReadSpecVersion(JsonElement parameters, ValidationErrors errors)
    {
        if (Optional(parameters, "specVersion") is { } element &&
            !(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var version) && version == CohortParameters.CurrentSpecVersion))
        {
            errors.Add("parameters.specVersion", $"Unsupported order spec version. This service reads version {CohortParameters.CurrentSpecVersion}.");
        }
    }

    private DiagnosisCriteria? ReadDiagnoses(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.diagnoses";
        if (Optional(parameters, "diagnoses") is not { } element)
        {
            return new DiagnosisCriteria();
        }

        if (!ExpectObject(element, path, ["include", "exclude", "diagnosisTypes"], errors))
        {
            return null;
        }

        var include = ReadCodes(element, "include", path, codeLists.Icd10, "ICD-10 (SKS) diagnosis", errors);
        var exclude = ReadCodes(element, "exclude", path, codeLists.Icd10, "ICD-10 (SKS) diagnosis", errors);
        var types = ReadDiagnosisTypes(element, errors);
        return include is null || exclude is null || types is null
            ? null
            : new DiagnosisCriteria { Include = include, Exclude = exclude, DiagnosisTypes = types };
    }

    private static IReadOnlyList<string>? ReadDiagnosisTypes(JsonElement diagnoses, ValidationErrors errors)
    {
        const string path = "parameters.diagnoses.diagnosisTypes";
        if (Optional(diagnoses, "diagnosisTypes") is not { } element)
        {
            return DiagnosisCriteria.CountedTypes;
        }

        var allowed = DiagnosisCriteria.CountedTypes;
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() is 0 or > 2)
        {
            errors.Add(path, "Must be a non-empty array of \"A\" (action diagnosis) and/or \"B\" (secondary diagnosis).");
            return null;
        }

        var types = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var type = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToUpperInvariant() : null;
            if (type is null || !allowed.Contains(type, StringComparer.Ordinal))
            {
                errors.Add($"{path}[{index}]", "Must be \"A\" (action diagnosis) or \"B\" (secondary diagnosis).");
            }
            else if (!types.Contains(type, StringComparer.Ordinal))
            {
                types.Add(type);
            }

            index++;
        }

        return types;
    }

    private CodeCriteria? ReadCriteria(JsonElement parameters, string name, CodeList list, string system, ValidationErrors errors)
    {
        var path = $"parameters.{name}";
        if (Optional(parameters, name) is not { } element)
        {
            return new CodeCriteria();
        }

        if (!ExpectObject(element, path, ["include", "exclude"], errors))
        {
            return null;
        }

        var include = ReadCodes(element, "include", path, list, system, errors);
        var exclude = ReadCodes(element, "exclude", path, list, system, errors);
        return include is null || exclude is null ? null : new CodeCriteria { Include = include, Exclude = exclude };
    }

    private static string? ReadOccurrence(JsonElement parameters, ValidationErrors errors)
    {
        if (Optional(parameters, "occurrence") is not { } element)
        {
            return Occurrence.Any;
        }

        var value = element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim().ToLowerInvariant() : null;
        if (value is not null && Occurrence.All.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        errors.Add("parameters.occurrence", "Must be \"any\" (a qualifying event in the period) or \"first-ever\" (first met the criteria in the period: incident).");
        return null;
    }

    private static bool ReadBoolean(JsonElement parameters, string name, bool absent, ValidationErrors errors)
    {
        if (Optional(parameters, name) is not { } element)
        {
            return absent;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add($"parameters.{name}", "Must be true or false.");
        return absent;
    }

    private static string? ReadMeasure(JsonElement parameters, IReadOnlyList<string> allowed, ValidationErrors errors)
    {
        if (Optional(parameters, "measure") is not { } element)
        {
            return allowed[0];
        }

        var value = element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim().ToLowerInvariant() : null;
        if (value is not null && allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        errors.Add("parameters.measure", $"Unknown measure. Allowed: {string.Join(", ", allowed)}.");
        return null;
    }

    private static MedicationGroups? ReadMedicationGroups(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.medicationGroups";
        var groups = new MedicationGroups(3, 15);
        if (Optional(parameters, "medicationGroups") is not { } element)
        {
            return groups;
        }

        if (!ExpectObject(element, path, ["level", "top"], errors))
        {
            return null;
        }

        if (Optional(element, "level") is { } level)
        {
            if (level.ValueKind == JsonValueKind.Number && level.TryGetInt32(out var l) && l is 3 or 4)
            {
                groups = groups with { Level = l };
            }
            else
            {
                errors.Add($"{path}.level", "Must be 3 (therapeutic subgroup, e.g. A10) or 4 (e.g. A10B).");
            }
        }

        if (Optional(element, "top") is { } top)
        {
            if (top.ValueKind == JsonValueKind.Number && top.TryGetInt32(out var t) && t is >= 1 and <= MaxTopGroups)
            {
                groups = groups with { Top = t };
            }
            else
            {
                errors.Add($"{path}.top", $"Must be a whole number from 1 to {MaxTopGroups}.");
            }
        }

        return groups;
    }

    private IReadOnlyList<string>? ReadCodes(JsonElement parent, string name, string parentPath, CodeList list, string system, ValidationErrors errors)
    {
        var path = $"{parentPath}.{name}";
        if (Optional(parent, name) is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "Must be an array of code prefixes.");
            return null;
        }

        if (element.GetArrayLength() > limits.MaxCodesPerCriterion)
        {
            errors.Add(path, $"At most {limits.MaxCodesPerCriterion} codes are allowed.");
            return null;
        }

        var codes = new List<string>();
        var index = 0;
        var failed = false;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(itemPath, "Must be a string code prefix.");
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
                errors.Add(itemPath, $"'{Shorten(item.GetString()!)}' is not a {system} code prefix (letters and digits, at most 10).");
                failed = true;
                continue;
            }
            else if (!list.IsKnownPrefix(code))
            {
                var suggestions = list.Suggest(code, 3).Select(s => $"{s.Code} ({s.LabelDa})");
                errors.Add(itemPath, $"Unknown {system} code prefix '{code}'. Closest valid codes: {string.Join(", ", suggestions)}.");
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

    private static Period? ReadPeriod(JsonElement parameters, ExtractInfo extract, ProductLimits limits, ValidationErrors errors)
    {
        const string path = "parameters.period";
        if (Optional(parameters, "period") is not { } element)
        {
            errors.Add(path, "Required: an object with 'from' and 'to' dates (yyyy-MM-dd).");
            return null;
        }

        if (!ExpectObject(element, path, ["from", "to"], errors))
        {
            return null;
        }

        var from = Optional(element, "from") is { } f ? ReadDate(f, $"{path}.from", errors) : Missing($"{path}.from", errors);
        var to = Optional(element, "to") is { } t ? ReadDate(t, $"{path}.to", errors) : Missing($"{path}.to", errors);
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            errors.Add(path, "'from' must not be after 'to'.");
            return null;
        }

        var outside = $"Must lie within the extract's coverage {extract.CoverageFrom:yyyy-MM-dd} to {extract.CoverageTo:yyyy-MM-dd} (extract {extract.Version}).";
        if (from < extract.CoverageFrom || from > extract.CoverageTo)
        {
            errors.Add($"{path}.from", outside);
        }

        if (to < extract.CoverageFrom || to > extract.CoverageTo)
        {
            errors.Add($"{path}.to", outside);
        }

        var years = to.Value.Year - from.Value.Year + 1;
        if (years > limits.MaxPeriodYears)
        {
            errors.Add(path, $"The period spans {years} calendar years; this product allows at most {limits.MaxPeriodYears}.");
        }

        return new Period(from.Value, to.Value);
    }

    private static DateOnly? Missing(string path, ValidationErrors errors)
    {
        errors.Add(path, "Required: a date (yyyy-MM-dd).");
        return null;
    }

    private static DateOnly? ReadDate(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(path, "Must be a date written yyyy-MM-dd.");
        return null;
    }

    private static AgeRange? ReadAge(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.age";
        if (Optional(parameters, "age") is not { } element)
        {
            return new AgeRange(null, null);
        }

        if (!ExpectObject(element, path, ["min", "max"], errors))
        {
            return null;
        }

        var min = ReadAgeBound(element, "min", errors);
        var max = ReadAgeBound(element, "max", errors);
        if (min is { } lo && max is { } hi && lo > hi)
        {
            errors.Add(path, "'min' must not be greater than 'max'.");
            return null;
        }

        return min == -1 || max == -1 ? null : new AgeRange(min, max);
    }

    /// <summary>Returns the bound, null when absent, or -1 after recording an error.</summary>
    private static int? ReadAgeBound(JsonElement age, string name, ValidationErrors errors)
    {
        if (Optional(age, name) is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value is >= 0 and <= 125)
        {
            return value;
        }

        errors.Add($"parameters.age.{name}", "Must be a whole number of years from 0 to 125, or null.");
        return -1;
    }

    private static string? ReadSex(JsonElement parameters, ValidationErrors errors)
    {
        if (Optional(parameters, "sex") is not { } element)
        {
            return null;
        }

        var value = element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim().ToLowerInvariant() : null;
        if (value is "male" or "female")
        {
            return value;
        }

        errors.Add("parameters.sex", "Must be \"male\", \"female\" or null (both).");
        return null;
    }

    private IReadOnlyList<string>? ReadRegions(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.regions";
        if (Optional(parameters, "regions") is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "Must be an array of region codes (1081-1085).");
            return null;
        }

        if (element.GetArrayLength() > MaxRegionItems)
        {
            errors.Add(path, "At most the five regions 1081-1085 may be listed.");
            return null;
        }

        var regions = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var code = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!.Trim(),
                JsonValueKind.Number => item.GetRawText(),
                _ => null,
            };
            if (code is null || codeLists.Regions.Find(code) is null)
            {
                errors.Add($"{path}[{index}]", "Unknown region. Use 1081 Nordjylland, 1082 Midtjylland, 1083 Syddanmark, 1084 Hovedstaden or 1085 Sjælland.");
            }
            else if (!regions.Contains(code, StringComparer.Ordinal))
            {
                regions.Add(code);
            }

            index++;
        }

        return regions;
    }

    private static IReadOnlyList<string>? ReadBreakdown(JsonElement parameters, IReadOnlyList<string> allowed, int maxDimensions, ValidationErrors errors)
    {
        const string path = "parameters.breakdown";
        if (Optional(parameters, "breakdown") is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"Must be an array of breakdowns: {string.Join(", ", allowed)}.");
            return null;
        }

        if (element.GetArrayLength() > maxDimensions)
        {
            errors.Add(path, $"At most {maxDimensions} breakdowns are allowed.");
            return null;
        }

        var breakdown = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToLowerInvariant() : null;
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"{path}[{index}]", $"Unknown breakdown. Allowed: {string.Join(", ", allowed)}.");
            }
            else if (breakdown.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"{path}[{index}]", $"'{name}' is listed twice.");
            }
            else
            {
                breakdown.Add(name);
            }

            index++;
        }

        return breakdown;
    }

    private static bool ExpectObject(JsonElement element, string path, string[] fields, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"Must be an object with {string.Join(", ", fields.Select(f => $"'{f}'"))}.");
            return false;
        }

        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{path}.{property.Name}", $"Unknown field. Known fields: {string.Join(", ", fields)}.");
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>The property's value, or null when it is absent or JSON null.</summary>
    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    // Echo at most a short, printable piece of a rejected value: error messages must stay readable and safe.
    private static string Shorten(string value)
    {
        var printable = new string(value.Where(c => !char.IsControl(c)).Take(20).ToArray());
        return value.Length > 20 ? printable + "..." : printable;
    }
}
