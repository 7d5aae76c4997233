using StatService.Core.Disclosure;
using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The joint audit of sums (contacts, dispensings, DDD) of one quantity (<see cref="MeasureContext"/>): the new release's
/// magnitude tables with every earlier table of the same context whose contributors they meet. Atoms are contributors with
/// one pattern of membership; the program's unknowns are the atoms' sums (at least 0), published sums are equalities and
/// hidden ones unknowns. A target, an atom of 1 up to the policy's maximum contributors or a hidden cell of that many,
/// must stay undetermined within the dominance rule's p %: the attacker's largest sum must reach x(1 + p/100) and the
/// smallest x(1 - p/100), x the true sum (tau-ARGUS' protection levels for magnitude tables). A target that fails with
/// this release, but neither without it nor with this release alone (the in-table rules' business), is a disclosure.
/// </summary>
internal static class MagnitudeAudit
{
    /// <summary>Linear programs one context's audit may solve (counted work: the same releases give the same findings anywhere).</summary>
    public const int ProgramBudget = 400;

    /// <summary>The protection level when the policy states no p % rule.</summary>
    public const double DefaultPercent = 10;

    private const double Tolerance = 1e-6;

    /// <param name="candidate">The new release's tables of <paramref name="context"/>.</param>
    public static CrossReleaseFindings Audit(
        ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, string context, DisclosurePolicy policy, CancellationToken cancellationToken)
    {
        var tables = JointComponent.Select(candidate, earlier, context, out var personCount);
        var releases = tables.Where(t => !t.IsNew).Select(t => t.Release).Distinct().Count();
        if (releases == 0 && candidate.Tables.Count < 2)
        {
            return new CrossReleaseFindings(0, [], true, 0, new AuditWork(0, 0, 0, 0, 0, 0));
        }

        var atoms = AtomPartition.Of(tables, personCount);
        if (atoms.Sizes.Length > JointReleaseAudit.AtomLimit)
        {
            // Too large to decide by counted work: not shown safe, and hiding cells would not make it smaller.
            return new CrossReleaseFindings(1, [], false, releases, new AuditWork(releases, 0, atoms.Sizes.Length, 0, 0, 1));
        }

        var sums = AtomSums(tables, atoms, personCount);
        var small = policy.MaxSensitiveCount;
        var targets = new List<int[]>();
        for (var a = 0; a < atoms.Sizes.Length; a++)
        {
            if (atoms.Sizes[a] <= small)
            {
                targets.Add([a]);
            }
        }

        var rows = new List<(int[] Atoms, PersonCell Cell, KnownCell Owner)>();
        for (var t = 0; t < tables.Count; t++)
        {
            foreach (var cell in tables[t].Table.Cells)
            {
                var cellAtoms = atoms.AtomsOf(t, cell.Members);
                if (cell.Constrains)
                {
                    rows.Add((cellAtoms, cell, new KnownCell(tables[t].IsNew, tables[t].Table.Name, cell.Cell, cell.Hidden)));
                }

                var contributors = cellAtoms.Sum(a => atoms.Sizes[a]);
                if (cell.Hidden && contributors >= 1 && contributors <= small && cellAtoms.Length > 1)
                {
                    targets.Add(cellAtoms);
                }
            }
        }

        var distinct = targets.DistinctBy(t => string.Join(',', t)).ToList();
        var truth = distinct.Select(t => t.Sum(a => sums[a])).ToArray();
        // Generous bounds on every atom (ten times everything summed): they only narrow the attacker, so never make the audit laxer.
        var cap = (10.0 * sums.Sum()) + 10;
        var percent = (policy.Dominance.PPercent ?? DefaultPercent) / 100;
        using var program = Program(atoms, cap, distinct, rows, newOnly: false);
        using var alone = Program(atoms, cap, distinct, rows, newOnly: true);

        var upDone = new bool[distinct.Count];
        var downDone = new bool[distinct.Count];
        // Solves the full program on one side; its optimum is a point the attacker cannot rule out, so every target it
        // carries far enough is protected on that side without a program of its own. True when target t is protected there.
        bool Side(int t, bool up)
        {
            var value = up ? program.Max(t) : program.Min(t);
            var point = program.Solution();
            for (var other = 0; other < distinct.Count; other++)
            {
                var at = distinct[other].Sum(a => point[a]);
                upDone[other] |= Up(at, truth[other], percent);
                downDone[other] |= Down(at, truth[other], percent);
            }

            return up ? Up(value, truth[t], percent) : Down(value, truth[t], percent);
        }

        var disclosures = 0;
        var curable = true;
        var undecided = 0;
        var toHide = new SortedSet<(string Table, int Cell)>();
        for (var t = 0; t < distinct.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (program.Programs + alone.Programs >= ProgramBudget)
            {
                undecided = distinct.Count - t;
                break;
            }

            var failsUp = !upDone[t] && !Side(t, up: true);
            var failsDown = !failsUp && !downDone[t] && !Side(t, up: false);
            if (!failsUp && !failsDown)
            {
                continue;
            }

            // Determined already without this release (the earlier releases' doing), or by this release alone (what the
            // in-table dominance rules allow): not this release's disclosure across releases.
            if (!Protected(program, t, truth[t], percent, keepNew: false) || !Protected(alone, t, truth[t], percent, keepNew: true))
            {
                continue;
            }

            _ = failsUp ? program.Max(t) : program.Min(t);
            disclosures++;
            curable &= program.Blame(distinct[t], rows.Select(r => (r.Atoms, r.Owner)), toHide);
        }

        if (undecided > 0)
        {
            disclosures++;
            curable &= toHide.Count > 0;
        }

        var work = new AuditWork(releases, rows.Count, atoms.Sizes.Length, distinct.Count, program.Programs + alone.Programs, undecided);
        return new CrossReleaseFindings(disclosures, [.. toHide], curable, releases, work);
    }

    private static bool Up(double value, double truth, double percent) => value >= (truth * (1 + percent)) - (Tolerance * Math.Max(1, truth));

    private static bool Down(double value, double truth, double percent) => value <= (truth * (1 - percent)) + (Tolerance * Math.Max(1, truth));

    private static bool Protected(AtomProgram program, int t, double truth, double percent, bool keepNew) =>
        Up(program.Max(t, keepNew), truth, percent) && Down(program.Min(t, keepNew), truth, percent);

    /// <summary>The program over every row (or the new release's rows only); rows over the same atoms on one side become one.</summary>
    private static AtomProgram Program(
        AtomPartition atoms, double cap, List<int[]> targets, List<(int[] Atoms, PersonCell Cell, KnownCell Owner)> rows, bool newOnly)
    {
        var program = new AtomProgram(atoms.Sizes.Length, cap, targets, 0);
        foreach (var same in rows.Where(r => !newOnly || r.Owner.IsNew).GroupBy(r => (Side: r.Owner.IsNew ? 1 : 0, Atoms: string.Join(',', r.Atoms))))
        {
            var low = same.Max(r => r.Cell.Low);
            var high = same.Where(r => r.Cell.High is not null).Select(r => r.Cell.High).Min();
            program.Add(same.First().Atoms, low, high, [.. same.Select(r => r.Owner)], 0);
        }

        return program;
    }

    /// <summary>Each atom's true sum: its contributors' values (a person's value is the same in every table of one context).</summary>
    private static double[] AtomSums(IReadOnlyList<AuditedTable> tables, AtomPartition atoms, int personCount)
    {
        var seen = new bool[personCount];
        var sums = new double[atoms.Sizes.Length];
        foreach (var table in tables)
        {
            for (var i = 0; i < table.Table.Inner.Count; i++)
            {
                var persons = table.Table.Inner[i];
                var values = table.Table.Values?[i] ?? throw new DisclosureException("A magnitude table in the ledger has no values.");
                for (var k = 0; k < persons.Length; k++)
                {
                    if (!seen[persons[k]])
                    {
                        seen[persons[k]] = true;
                        sums[atoms.AtomOf[persons[k]]] += values[k];
                    }
                }
            }
        }

        return sums;
    }
}
