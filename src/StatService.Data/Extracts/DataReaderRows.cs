using System.Data;

namespace StatService.Data.Extracts;

/// <summary>Every row of a reader as an object array, with database NULL as null.</summary>
public static class DataReaderRows
{
    public static List<object?[]> ReadAll(IDataReader reader)
    {
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
