using System.Text.Json;

namespace StatService.Core.OrderSpec;

/// <summary>Reads what an order's tables show: the <c>breakdown</c>, the <c>measure</c> and the <c>medicationGroups</c>.</summary>
internal static class TableShapeReader
{
    public static IReadOnlyList<string>? ReadBreakdown(JsonElement parameters, IReadOnlyList<string> allowed, int maxDimensions, BodyField root)
    {
        var field = root.Field("breakdown");
        if (field.In(parameters) is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            field.Error($"Must be an array of breakdowns: {string.Join(", ", allowed)}.");
            return null;
        }

        if (element.GetArrayLength() > maxDimensions)
        {
            field.Error($"At most {maxDimensions} breakdowns are allowed.");
            return null;
        }

        var breakdown = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var name = BodyField.LowerText(item);
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                field.Item(index).Error($"Unknown breakdown. Allowed: {string.Join(", ", allowed)}.");
            }
            else if (breakdown.Contains(name, StringComparer.Ordinal))
            {
                field.Item(index).Error($"'{name}' is listed twice.");
            }
            else
            {
                breakdown.Add(name);
            }

            index++;
        }

        return breakdown;
    }

    /// <summary>The measure the order names, else the product's first.</summary>
    public static string? ReadMeasure(JsonElement parameters, IReadOnlyList<string> allowed, BodyField root)
    {
        var field = root.Field("measure");
        if (field.In(parameters) is not { } element)
        {
            return allowed[0];
        }

        var value = BodyField.LowerText(element);
        if (value is not null && allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        field.Error($"Unknown measure. Allowed: {string.Join(", ", allowed)}.");
        return null;
    }

    public static MedicationGroups? ReadMedicationGroups(JsonElement parameters, BodyField root)
    {
        var field = root.Field("medicationGroups");
        var groups = new MedicationGroups(3, 15);
        if (field.In(parameters) is not { } element)
        {
            return groups;
        }

        if (!field.ExpectObject(element, ["level", "top"]))
        {
            return null;
        }

        var levelField = field.Field("level");
        if (levelField.In(element) is { } level)
        {
            if (level.ValueKind == JsonValueKind.Number && level.TryGetInt32(out var l) && l is 3 or 4)
            {
                groups = groups with { Level = l };
            }
            else
            {
                levelField.Error("Must be 3 (therapeutic subgroup, e.g. A10) or 4 (e.g. A10B).");
            }
        }

        var topField = field.Field("top");
        if (topField.In(element) is { } top)
        {
            if (top.ValueKind == JsonValueKind.Number && top.TryGetInt32(out var t) && t is >= 1 and <= CohortParametersReader.MaxTopGroups)
            {
                groups = groups with { Top = t };
            }
            else
            {
                topField.Error($"Must be a whole number from 1 to {CohortParametersReader.MaxTopGroups}.");
            }
        }

        return groups;
    }
}
