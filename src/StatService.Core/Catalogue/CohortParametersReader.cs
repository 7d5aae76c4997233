using System.Globalization;
using System.Text.Json;
using StatService.Core.CodeLists;

namespace StatService.Core.Catalogue;

/// <summary>
/// Reads and validates the cohort parameters of an order body. Strict: unknown fields, wrong types,
/// unknown codes and dates outside the extract are errors naming the field; nothing is guessed.
/// </summary>
public sealed class CohortParametersReader(CodeListSet codeLists, OrderLimits limits)
{
    private static readonly string[] KnownFields =
        ["diagnoses", "medications", "period", "indexDate", "age", "sex", "regions", "breakdown"];

    public CohortParameters? Read(JsonElement parameters, ExtractInfo extract, IReadOnlyList<string> allowedBreakdowns, ValidationErrors errors)
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
                errors.Add($"{root}.{property.Name}", $"Unknown parameter. Known parameters: {string.Join(", ", KnownFields)}.");
            }
        }

        var diagnoses = ReadDiagnoses(parameters, errors);
        var medications = ReadMedications(parameters, errors);
        var period = ReadPeriod(parameters, extract, errors);
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
        var breakdown = ReadBreakdown(parameters, allowedBreakdowns, errors);

        if (errors.Any || diagnoses is null || medications is null || period is null || indexDate is null || age is null || regions is null || breakdown is null)
        {
            return null;
        }

        return new CohortParameters
        {
            Diagnoses = diagnoses,
            Medications = medications,
            Period = period,
            IndexDate = indexDate.Value,
            Age = age,
            Sex = sex,
            Regions = regions,
            Breakdown = breakdown,
        };
    }

    private CodeCriteria? ReadDiagnoses(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.diagnoses";
        if (Optional(parameters, "diagnoses") is not { } element)
        {
            errors.Add(path, "Required: an object with 'include' (ICD-10/SKS prefixes such as \"DE11\") and 'exclude'.");
            return null;
        }

        if (!ExpectObject(element, path, ["include", "exclude"], errors))
        {
            return null;
        }

        var include = ReadCodes(element, "include", path, codeLists.Icd10, "ICD-10 (SKS) diagnosis", errors);
        var exclude = ReadCodes(element, "exclude", path, codeLists.Icd10, "ICD-10 (SKS) diagnosis", errors);
        if (include is { Count: 0 })
        {
            errors.Add($"{path}.include", "At least one diagnosis prefix is required.");
        }

        return include is null || exclude is null ? null : new CodeCriteria(include, exclude);
    }

    private MedicationCriteria? ReadMedications(JsonElement parameters, ValidationErrors errors)
    {
        const string path = "parameters.medications";
        if (Optional(parameters, "medications") is not { } element)
        {
            return new MedicationCriteria([]);
        }

        if (!ExpectObject(element, path, ["include"], errors))
        {
            return null;
        }

        var include = ReadCodes(element, "include", path, codeLists.Atc, "ATC", errors);
        return include is null ? null : new MedicationCriteria(include);
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
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(itemPath, "Must be a string code prefix.");
                continue;
            }

            var code = item.GetString()!.Trim().ToUpperInvariant();
            if (code.Length is 0 or > 10 || !code.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add(itemPath, $"'{Shorten(item.GetString()!)}' is not a {system} code prefix (letters and digits, at most 10).");
                continue;
            }

            if (!list.IsKnownPrefix(code))
            {
                var suggestions = list.Suggest(code, 3).Select(s => $"{s.Code} ({s.LabelDa})");
                errors.Add(itemPath, $"Unknown {system} code prefix '{code}'. Closest valid codes: {string.Join(", ", suggestions)}.");
                continue;
            }

            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private Period? ReadPeriod(JsonElement parameters, ExtractInfo extract, ValidationErrors errors)
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

    private static IReadOnlyList<string>? ReadBreakdown(JsonElement parameters, IReadOnlyList<string> allowed, ValidationErrors errors)
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
