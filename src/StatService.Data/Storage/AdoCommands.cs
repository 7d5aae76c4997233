using System.Data.Common;

namespace StatService.Data.Storage;

/// <summary>Commands and <c>@name</c> parameters in plain ADO.NET, the same on every provider.</summary>
internal static class AdoCommands
{
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
