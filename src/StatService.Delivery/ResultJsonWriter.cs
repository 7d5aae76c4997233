using System.Text;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Delivery;

/// <summary>
/// Writes the result document: metadata, the disclosure summary and every table with its
/// dimensions and all cells (inner and margins), and the information-loss report of the release and of each
/// table. Suppressed cells carry a null value. Only published values are written: never contributions or cell keys.
/// Written with Utf8JsonWriter because tables can hold many thousands of cells.
/// </summary>
public static class ResultJsonWriter
{
    public static string Write(ReleaseMetadata metadata, ProtectedRelease release)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("orderId", metadata.OrderId);
            json.WriteString("product", metadata.Product);
            json.WritePropertyName("parameters");
            using (var parameters = JsonDocument.Parse(metadata.ParametersJson))
            {
                parameters.RootElement.WriteTo(json);
            }

            json.WriteString("extractVersion", metadata.ExtractVersion);
            json.WriteString("measure", metadata.Measure);
            json.WriteString("createdAt", metadata.CreatedAt);
            WriteDisclosure(json, release.Summary);
            json.WriteStartArray("tables");
            for (var t = 0; t < release.Tables.Count; t++)
            {
                WriteTable(json, release.Tables[t], release.Summary.Method, LossOf(release, t));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Tables derived after protection (rates from published counts) have no loss of their own.</summary>
    private static TableLoss? LossOf(ProtectedRelease release, int table) =>
        release.Summary.Loss is { } loss && table < loss.Tables.Count && loss.Tables[table].Table == release.Tables[table].Table.Name
            ? loss.Tables[table]
            : null;

    private static void WriteDisclosure(Utf8JsonWriter json, DisclosureSummary summary)
    {
        json.WriteStartObject("disclosure");
        json.WriteString("rule", summary.Rule);
        json.WriteString("policy", summary.Policy);
        json.WriteNumber("suppressedCells", summary.SuppressedCells);
        // Always true: a failed audit throws, so no release is written. Kept because the result format documents it.
        json.WriteBoolean("auditPassed", true);
        json.WriteNumber("auditedCells", summary.AuditedCells);
        json.WriteString("method", DisclosureMethodText.Of(summary.Method));
        json.WriteBoolean("additive", summary.Additive);
        if (summary.Loss is { } loss)
        {
            json.WriteStartObject("informationLoss");
            WriteLoss(json, summary.Method, loss.Cells, loss.Suppressed, loss.Adjusted, loss.ShareOfTotalHidden);
            json.WriteEndObject();
        }

        if (summary.EarlierReleasesCompared is { } compared)
        {
            // How many cells were hidden because of earlier releases is not written: it would tell that a difference is small.
            json.WriteStartObject("differencing");
            json.WriteNumber("earlierReleasesCompared", compared);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The same fields for a table and for the release; shares are fractions (0.25 = 25 %). Primary and secondary
    /// suppressions are not told apart: that would say how many hidden cells are small, which the cells' statuses
    /// deliberately do not and the audit does not assume an attacker knows.
    /// </summary>
    private static void WriteLoss(Utf8JsonWriter json, DisclosureMethod method, int cells, int suppressed, int adjusted, double? shareOfTotalHidden)
    {
        json.WriteNumber("cells", cells);
        json.WriteNumber("cellsSuppressed", suppressed);
        json.WriteNumber("shareOfCellsSuppressed", Share(suppressed, cells));
        json.WriteNumber("cellsRounded", method == DisclosureMethod.Rounding ? adjusted : 0);
        json.WriteNumber("cellsPerturbed", method == DisclosureMethod.CellKey ? adjusted : 0);
        json.WriteNumber("shareOfCellsAdjusted", Share(adjusted, cells));
        if (shareOfTotalHidden is { } share)
        {
            json.WriteNumber("shareOfTotalHidden", Math.Round(share, 6));
        }
        else
        {
            json.WriteNull("shareOfTotalHidden");
        }
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);

    private static void WriteTable(Utf8JsonWriter json, ProtectedTable table, DisclosureMethod method, TableLoss? loss)
    {
        var dimensions = table.Table.Dimensions;
        json.WriteStartObject();
        json.WriteString("name", table.Table.Name);
        json.WriteStartArray("dimensions");
        foreach (var dimension in dimensions)
        {
            json.WriteStartObject();
            json.WriteString("name", dimension.Name);
            json.WriteStartArray("codes");
            foreach (var code in dimension.Codes)
            {
                json.WriteStartObject();
                json.WriteString("code", code.Code);
                json.WriteString("label", code.Label);
                if (code.Parent is null)
                {
                    json.WriteNull("parent");
                }
                else
                {
                    json.WriteString("parent", code.Parent);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cells");
        for (var cell = 0; cell < table.Table.CellCount; cell++)
        {
            json.WriteStartObject();
            json.WriteStartObject("coordinates");
            for (var d = 0; d < dimensions.Count; d++)
            {
                json.WriteString(dimensions[d].Name, dimensions[d].Codes[table.Table.CodeIndex(cell, d)].Code);
            }

            json.WriteEndObject();
            if (table.PublishedValue(cell) is { } value)
            {
                json.WriteNumber("value", value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteString("status", CellStatusText.Of(table.Status[cell]));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (loss is not null)
        {
            json.WriteStartObject("informationLoss");
            WriteLoss(json, method, loss.Cells, loss.Suppressed, loss.Adjusted, loss.ShareOfTotalHidden);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
