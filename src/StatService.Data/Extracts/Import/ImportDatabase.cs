using DuckDB.NET.Data;

namespace StatService.Data.Extracts.Import;

/// <summary>The DuckDB database an import stages and checks the delivery in (a file in the work folder, so large deliveries spill to disk).</summary>
internal sealed class ImportDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;

    public ImportDatabase(string file, string tempDirectory)
    {
        _connection = new DuckDBConnection($"DataSource={file}");
        _connection.Open();
        Execute("SET autoinstall_known_extensions = false");
        Execute("SET autoload_known_extensions = false");
        Execute($"SET temp_directory = {TypedColumns.Literal(tempDirectory)}");
        // Staged CSV rows keep file order, so rowid is the row's place in the file; sorted tables keep their order.
        Execute("SET preserve_insertion_order = true");
    }

    public CancellationToken Cancellation { get; init; }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var cancel = Cancellation.Register(command.Cancel);
        command.ExecuteNonQuery();
        Cancellation.ThrowIfCancellationRequested();
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var cancel = Cancellation.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var rows = DataReaderRows.ReadAll(reader);
        Cancellation.ThrowIfCancellationRequested();
        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
