using System.Text.Json;
using StatService.Core.CodeLists;

namespace StatService.Core.OrderSpec;

/// <summary>Reads who may be in an order's cohort: <c>age</c>, <c>sex</c>, <c>regions</c> and <c>aliveAndResident</c>.</summary>
internal sealed class PopulationReader(CodeListSet codeLists)
{
    private const int MaxRegionItems = 10;

    public static AgeRange? ReadAge(JsonElement parameters, BodyField root)
    {
        var field = root.Field("age");
        if (field.In(parameters) is not { } element)
        {
            return new AgeRange(null, null);
        }

        if (!field.ExpectObject(element, ["min", "max"]))
        {
            return null;
        }

        var min = ReadAgeBound(element, field.Field("min"));
        var max = ReadAgeBound(element, field.Field("max"));
        if (min is { } lo && max is { } hi && lo > hi)
        {
            field.Error("'min' must not be greater than 'max'.");
            return null;
        }

        return min == -1 || max == -1 ? null : new AgeRange(min, max);
    }

    public static string? ReadSex(JsonElement parameters, BodyField root)
    {
        var field = root.Field("sex");
        if (field.In(parameters) is not { } element)
        {
            return null;
        }

        var value = BodyField.LowerText(element);
        if (value is "male" or "female")
        {
            return value;
        }

        field.Error("Must be \"male\", \"female\" or null (both).");
        return null;
    }

    public IReadOnlyList<string>? ReadRegions(JsonElement parameters, BodyField root)
    {
        var field = root.Field("regions");
        if (field.In(parameters) is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            field.Error("Must be an array of region codes (1081-1085).");
            return null;
        }

        if (element.GetArrayLength() > MaxRegionItems)
        {
            field.Error("At most the five regions 1081-1085 may be listed.");
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
                field.Item(index).Error("Unknown region. Use 1081 Nordjylland, 1082 Midtjylland, 1083 Syddanmark, 1084 Hovedstaden or 1085 Sjælland.");
            }
            else if (!regions.Contains(code, StringComparer.Ordinal))
            {
                regions.Add(code);
            }

            index++;
        }

        return regions;
    }

    /// <summary><c>aliveAndResident</c>: true when absent; a wrong value is an error and reads as true.</summary>
    public static bool ReadAliveAndResident(JsonElement parameters, BodyField root)
    {
        const bool absent = true;
        var field = root.Field("aliveAndResident");
        if (field.In(parameters) is not { } element)
        {
            return absent;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        field.Error("Must be true or false.");
        return absent;
    }

    /// <summary>Returns the bound, null when absent, or -1 after recording an error.</summary>
    private static int? ReadAgeBound(JsonElement age, BodyField field)
    {
        if (field.In(age) is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value is >= 0 and <= 125)
        {
            return value;
        }

        field.Error("Must be a whole number of years from 0 to 125, or null.");
        return -1;
    }
}
