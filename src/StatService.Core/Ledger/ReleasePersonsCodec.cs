using System.Text;

namespace StatService.Core.Ledger;

/// <summary>
/// The ledger's compact form of <see cref="ReleasePersons"/>: ascending person places and member positions as gaps in
/// LEB128 varints (a cohort of a few hundred thousand among millions takes about one byte a person), counts as zigzag
/// varints. Version byte first, so the form can change without reading old records wrong: version 1 holds count tables
/// only (and is still written for them); version 2 adds per table its measure context and, for a magnitude table, each
/// contributor's value.
/// </summary>
public static class ReleasePersonsCodec
{
    private const byte CountsVersion = 1;
    private const byte MagnitudesVersion = 2;

    public static byte[] Encode(ReleasePersons release)
    {
        ArgumentNullException.ThrowIfNull(release);
        using var stream = new MemoryStream();
        var magnitudes = release.Tables.Any(t => t.IsMagnitude);
        stream.WriteByte(magnitudes ? MagnitudesVersion : CountsVersion);
        WriteUnsigned(stream, (ulong)release.Tables.Count);
        foreach (var table in release.Tables)
        {
            WriteText(stream, table.Name);
            if (magnitudes)
            {
                WriteText(stream, table.Context);
            }

            WriteUnsigned(stream, (ulong)table.Inner.Count);
            for (var i = 0; i < table.Inner.Count; i++)
            {
                WriteAscending(stream, table.Inner[i]);
                if (table.IsMagnitude)
                {
                    var values = table.Values?[i] ?? [];
                    if (values.Length != table.Inner[i].Length)
                    {
                        throw new ArgumentException("A magnitude table needs one value per contributor.", nameof(release));
                    }

                    foreach (var value in values)
                    {
                        WriteSigned(stream, value);
                    }
                }
            }

            WriteUnsigned(stream, (ulong)table.Cells.Count);
            foreach (var cell in table.Cells)
            {
                WriteUnsigned(stream, (ulong)cell.Cell);
                WriteAscending(stream, cell.Members);
                WriteSigned(stream, cell.Low);
                WriteUnsigned(stream, cell.High is { } high ? (ulong)high + 1 : 0);
                stream.WriteByte(cell.Hidden ? (byte)1 : (byte)0);
            }
        }

        return stream.ToArray();
    }

    public static ReleasePersons Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var version = reader.Byte();
        if (version is not CountsVersion and not MagnitudesVersion)
        {
            throw new InvalidDataException("The ledger record is of an unknown format.");
        }

        var tables = new PersonTable[reader.Count()];
        for (var t = 0; t < tables.Length; t++)
        {
            var name = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
            var context = version == MagnitudesVersion ? Encoding.UTF8.GetString(reader.Bytes(reader.Count())) : string.Empty;
            var inner = new int[reader.Count()][];
            var values = context.Length > 0 ? new long[inner.Length][] : null;
            for (var i = 0; i < inner.Length; i++)
            {
                inner[i] = reader.Ascending();
                if (values is not null)
                {
                    values[i] = new long[inner[i].Length];
                    for (var v = 0; v < values[i].Length; v++)
                    {
                        values[i][v] = reader.Signed();
                    }
                }
            }

            var cells = new PersonCell[reader.Count()];
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = reader.Count();
                var members = reader.Ascending();
                var low = reader.Signed();
                var high = reader.Unsigned();
                cells[c] = new PersonCell(cell, members, low, high == 0 ? null : checked((long)high - 1), reader.Byte() == 1);
            }

            tables[t] = new PersonTable(name, inner, cells) { Context = context, Values = values };
        }

        return reader.AtEnd ? new ReleasePersons(tables) : throw new InvalidDataException("The ledger record has trailing bytes.");
    }

    private static void WriteText(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteUnsigned(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteAscending(Stream stream, int[] values)
    {
        WriteUnsigned(stream, (ulong)values.Length);
        var previous = -1L;
        foreach (var value in values)
        {
            if (value <= previous)
            {
                throw new ArgumentException("Person places and members must be distinct and ascending.", nameof(values));
            }

            WriteUnsigned(stream, (ulong)(value - previous - 1));
            previous = value;
        }
    }

    private static void WriteSigned(Stream stream, long value) => WriteUnsigned(stream, (ulong)((value << 1) ^ (value >> 63)));

    private static void WriteUnsigned(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw new InvalidDataException("The ledger record is cut short.");

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length > _bytes.Length - _at)
            {
                throw new InvalidDataException("The ledger record is cut short.");
            }

            var span = _bytes.Slice(_at, length);
            _at += length;
            return span;
        }

        public ulong Unsigned()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("The ledger record holds a malformed number.");
        }

        public int Count() => checked((int)Unsigned());

        public long Signed()
        {
            var raw = Unsigned();
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        public int[] Ascending()
        {
            var values = new int[Count()];
            var previous = -1L;
            for (var i = 0; i < values.Length; i++)
            {
                previous = checked(previous + (long)Unsigned() + 1);
                values[i] = checked((int)previous);
            }

            return values;
        }
    }
}
