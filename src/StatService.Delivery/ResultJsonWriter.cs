using System.Text;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Delivery;

/// <summary>
/// Writes the result document: metadata, the disclosure summary and every table with its
/// dimensions and all cells (inner and margins). Suppressed cells carry a null value.
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
            foreach (var table in release.Tables)
            {
                WriteTable(json, table);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDisclosure(Utf8JsonWriter json, DisclosureSummary summary)
    {
        json.WriteStartObject("disclosure");
        json.WriteString("rule", summary.Rule);
        json.WriteString("policy", summary.Policy);
        json.WriteNumber("suppressedCells", summary.SuppressedCells);
        json.WriteBoolean("auditPassed", summary.AuditPassed);
        json.WriteNumber("auditedCells", summary.AuditedCells);
        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, ProtectedTable table)
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
        json.WriteEndObject();
    }
}
