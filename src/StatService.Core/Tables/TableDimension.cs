namespace StatService.Core.Tables;

/// <summary>
/// A dimension of a table with its hierarchy: the root code <c>total</c> is the margin,
/// every other code names its parent (for a flat dimension, the parent of every code is <c>total</c>).
/// Codes are ordered parents before children.
/// </summary>
public sealed class TableDimension
{
    public const string TotalCode = "total";

    private readonly Dictionary<string, int> _index;
    private readonly int[] _parent;
    private readonly int[][] _children;

    public TableDimension(string name, IEnumerable<DimensionCode> codes)
    {
        Name = name;
        Codes = codes.ToArray();
        if (Codes.Count == 0 || Codes[0].Code != TotalCode || Codes[0].Parent is not null)
        {
            throw new ArgumentException($"Dimension '{name}' must start with the root code '{TotalCode}'.", nameof(codes));
        }

        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Codes.Count; i++)
        {
            if (!_index.TryAdd(Codes[i].Code, i))
            {
                throw new ArgumentException($"Dimension '{name}' repeats code '{Codes[i].Code}'.", nameof(codes));
            }
        }

        _parent = new int[Codes.Count];
        var children = Enumerable.Range(0, Codes.Count).Select(_ => new List<int>()).ToArray();
        _parent[0] = -1;
        for (var i = 1; i < Codes.Count; i++)
        {
            var parent = Codes[i].Parent ?? throw new ArgumentException($"Code '{Codes[i].Code}' of '{name}' has no parent.", nameof(codes));
            if (!_index.TryGetValue(parent, out var p) || p >= i)
            {
                throw new ArgumentException($"Code '{Codes[i].Code}' of '{name}' must come after its parent '{parent}'.", nameof(codes));
            }

            _parent[i] = p;
            children[p].Add(i);
        }

        _children = children.Select(c => c.ToArray()).ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<DimensionCode> Codes { get; }

    public int Count => Codes.Count;

    public int IndexOf(string code) => _index.TryGetValue(code, out var i) ? i : -1;

    /// <summary>Index of the parent code, or -1 for the root.</summary>
    public int ParentOf(int codeIndex) => _parent[codeIndex];

    public IReadOnlyList<int> ChildrenOf(int codeIndex) => _children[codeIndex];

    public bool IsLeaf(int codeIndex) => _children[codeIndex].Length == 0;

    /// <summary>A flat dimension: total plus the given leaf codes.</summary>
    public static TableDimension Flat(string name, string totalLabel, IEnumerable<(string Code, string Label)> leaves) =>
        new(name, new[] { new DimensionCode(TotalCode, totalLabel, null) }
            .Concat(leaves.Select(l => new DimensionCode(l.Code, l.Label, TotalCode))));
}
