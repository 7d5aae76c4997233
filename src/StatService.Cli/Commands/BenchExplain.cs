using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>bench order --explain FILE</c>: DuckDB's <c>EXPLAIN ANALYZE</c> of a product's query with the order's values
/// bound as the pipeline binds them, appended to FILE: which operators cost what, and how many rows each one touched,
/// to tell costs that grow with the register from those that grow with the cohort.
/// </summary>
internal static class BenchExplain
{
    public static async Task AppendAsync(OfflinePipeline offline, string product, string parametersJson, string version, string file, CancellationToken ct)
    {
        var definition = offline.Catalogue.Find(product)!;
        var values = CohortQueryParameters.For(CohortParametersJson.Deserialize(parametersJson), definition, offline.Breakdowns);
        using var connection = offline.Databases.Connect(version);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN ANALYZE " + definition.Sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name, value ?? DBNull.Value));
        }

        using var reader = command.ExecuteReader();
        var plan = new System.Text.StringBuilder($"==== {product} ({version})\n");
        while (reader.Read())
        {
            // (explain_key, explain_value): the value is the rendered plan with each operator's time and rows
            plan.AppendLine(reader.GetString(reader.FieldCount - 1));
        }

        await File.AppendAllTextAsync(file, plan.ToString(), ct);
    }
}
