namespace StatService.Disclosure;

/// <summary>
/// The suppressed cells split into groups that no relation connects: cells of two groups never share a relation,
/// so what an attacker can learn about one group does not depend on the other. Each group is audited with a
/// program of its own, which is smaller, solves faster and can run beside the others.
/// </summary>
internal sealed class SuppressedComponents
{
    private readonly int[] _componentOf;
    private readonly int[] _indexOf;
    private readonly int[][] _cells;

    private SuppressedComponents(int[] componentOf, int[] indexOf, int[][] cells) =>
        (_componentOf, _indexOf, _cells) = (componentOf, indexOf, cells);

    public int Count => _cells.Length;

    /// <summary>Cells of the problem, suppressed or not.</summary>
    public int CellCount => _componentOf.Length;

    /// <summary>The cells of component <paramref name="k"/> in ascending order (components are numbered largest first).</summary>
    public IReadOnlyList<int> Cells(int k) => _cells[k];

    /// <summary>The component of <paramref name="cell"/>, -1 when it is not suppressed.</summary>
    public int ComponentOf(int cell) => _componentOf[cell];

    /// <summary>The position of <paramref name="cell"/> among the cells of component <paramref name="k"/>, -1 when not there.</summary>
    public int IndexOf(int cell, int k) => _componentOf[cell] == k ? _indexOf[cell] : -1;

    public static SuppressedComponents Split(ProtectionProblem problem, ReadOnlySpan<bool> suppressed)
    {
        var parent = new int[problem.CellCount];
        for (var c = 0; c < parent.Length; c++)
        {
            parent[c] = c;
        }

        for (var r = 0; r < problem.RelationCount; r++)
        {
            var first = -1;
            foreach (var cell in problem.RelationCells(r))
            {
                if (!suppressed[cell])
                {
                    continue;
                }

                if (first < 0)
                {
                    first = Root(parent, cell);
                }
                else
                {
                    parent[Root(parent, cell)] = first;
                }
            }
        }

        var groups = new Dictionary<int, List<int>>();
        for (var c = 0; c < parent.Length; c++)
        {
            if (suppressed[c])
            {
                var root = Root(parent, c);
                if (!groups.TryGetValue(root, out var group))
                {
                    groups[root] = group = [];
                }

                group.Add(c);
            }
        }

        var cells = groups.Values.Select(g => g.ToArray()).OrderByDescending(g => g.Length).ThenBy(g => g[0]).ToArray();
        var componentOf = new int[problem.CellCount];
        var indexOf = new int[problem.CellCount];
        Array.Fill(componentOf, -1);
        for (var k = 0; k < cells.Length; k++)
        {
            for (var i = 0; i < cells[k].Length; i++)
            {
                componentOf[cells[k][i]] = k;
                indexOf[cells[k][i]] = i;
            }
        }

        return new SuppressedComponents(componentOf, indexOf, cells);
    }

    private static int Root(int[] parent, int cell)
    {
        while (parent[cell] != cell)
        {
            parent[cell] = parent[parent[cell]];
            cell = parent[cell];
        }

        return cell;
    }
}
