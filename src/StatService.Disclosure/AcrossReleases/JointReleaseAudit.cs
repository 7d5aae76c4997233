using StatService.Core.Disclosure;
using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The release ledger's audit: the new release together with every earlier release of the extract version whose persons
/// it meets (directly or through others), over atoms (persons with one pattern of membership). Every atom of 1 up to the
/// policy's maximum persons and every hidden cell that small must be able to reach the threshold in the attacker's linear
/// program (published counts exact, rounded or perturbed ones within their method's bounds, every empty overlap known).
/// A target that fails with this release and is in reach without it is a disclosure of this release (with earlier ones,
/// or between its own tables); the published cells of this release its program leans on are the cells to hide.
/// </summary>
public sealed class JointReleaseAudit : ICrossReleaseAudit
{
    /// <summary>
    /// Linear programs one audit may solve: counted work, so the same releases give the same findings on any machine.
    /// Targets the budget leaves undecided keep the release from passing; nested differences are always checked in full.
    /// </summary>
    public const int ProgramBudget = 400;

    /// <summary>
    /// Atoms above which the linear programs are not built (each would take seconds on two cores): the nested differences,
    /// checked in full, are then the audit. A size rule, not a clock, so the outcome is the same everywhere.
    /// </summary>
    public const int AtomLimit = 10_000;

    /// <summary>
    /// Simplex iterations one order's audits may spend over all its rounds (5-10 s of one core at a thousand atoms): the programs grow
    /// with every connected earlier release, so an order piled on a long history of near-identical orders about the same
    /// persons would otherwise take minutes. Counted work, not time: an order that needs more is refused, the same everywhere.
    /// </summary>
    public const long DefaultIterationLimit = 60_000;

    private readonly long _iterationLimit;

    /// <param name="iterationLimit">Simplex iterations one order's audits may spend (<see cref="DefaultIterationLimit"/>).</param>
    public JointReleaseAudit(long iterationLimit = DefaultIterationLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterationLimit);
        _iterationLimit = iterationLimit;
    }

    /// <summary>A group program that lifts fewer than one in this many of its targets left splits them in two.</summary>
    private const int SlowSplit = 8;

    public CrossReleaseFindings Audit(ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, CancellationToken cancellationToken) =>
        Audit(candidate, earlier, policy, null, cancellationToken);

    /// <summary>
    /// Counts of persons and sums (magnitudes) are audited apart, and sums only with sums of the same quantity
    /// (<see cref="PersonTable.Context"/>): a count of persons bounds no sum, and sums of different quantities do not add up.
    /// </summary>
    public CrossReleaseFindings Audit(
        ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, AuditMemory? memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(policy);
        if (OverlappingSums.Meet(candidate, earlier))
        {
            // Not curable by hiding cells: the difference of the two sums lies outside what either release records.
            return new CrossReleaseFindings(1, [], false, earlier.Count, new AuditWork(earlier.Count, 0, 0, 0, 0, 0));
        }

        var contexts = candidate.Tables.Select(t => t.Context).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parts = contexts.Select(context =>
        {
            // The earlier releases go as they are (a ledger's person index stays usable); their tables of other contexts are
            // left out where the part to audit is selected.
            var mine = Of(candidate, context);
            return context.Length == 0 ? AuditCounts(mine, earlier, policy, memory, cancellationToken) : MagnitudeAudit.Audit(mine, earlier, context, policy, cancellationToken);
        }).ToList();
        return parts.Count switch
        {
            0 => AuditCounts(candidate, earlier, policy, memory, cancellationToken),
            1 => parts[0],
            _ => new CrossReleaseFindings(
                parts.Sum(p => p.Disclosures), [.. parts.SelectMany(p => p.ToHide).Distinct().Order()], parts.All(p => p.Curable), parts.Max(p => p.ComparedReleases),
                new AuditWork(
                    parts.Max(p => p.Work.Releases), parts.Sum(p => p.Work.Cells), parts.Sum(p => p.Work.Atoms), parts.Sum(p => p.Work.Targets),
                    parts.Sum(p => p.Work.Programs), parts.Sum(p => p.Work.Undecided), parts.Any(p => p.Work.Exhausted))),
        };
    }

    /// <summary>The tables of one context (an earlier release with none of another stays as it is).</summary>
    private static ReleasePersons Of(ReleasePersons release, string context) =>
        release.Tables.All(t => t.Context == context) ? release : new ReleasePersons([.. release.Tables.Where(t => t.Context == context)]);

    private CrossReleaseFindings AuditCounts(
        ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, AuditMemory? memory, CancellationToken cancellationToken)
    {
        // A later round of the same order counts the same persons against the same earlier releases: the same earlier tables
        // join and the atoms are the same; only which of the new cells are hidden changed.
        var kept = memory?.Persons is KeptPersons k && ReferenceEquals(k.Earlier, earlier) && SamePersons(k.Candidate, candidate.Tables) ? k : null;
        List<AuditedTable> tables;
        int personCount;
        if (kept is not null)
        {
            tables = [.. candidate.Tables.Select(t => new AuditedTable(-1, t)), .. kept.Tables.Where(t => !t.IsNew)];
            personCount = kept.PersonCount;
        }
        else
        {
            tables = JointComponent.Select(candidate, earlier, string.Empty, out personCount);
        }

        var releases = tables.Where(t => !t.IsNew).Select(t => t.Release).Distinct().Count();
        // One table alone is the in-table audit's business; several tables of one release (a group profile's linked
        // tables over the same persons) can pin a group between them even without earlier releases.
        // Perturbed and rounded releases rest on their method's own noise between their tables.
        var withinRelease = policy.Method == DisclosureMethod.Suppression;
        if (releases == 0 && (candidate.Tables.Count < 2 || !withinRelease))
        {
            return new CrossReleaseFindings(0, [], true, 0, new AuditWork(0, 0, 0, 0, 0, 0));
        }

        var nested = NestedDifferences.Find(tables, personCount, policy, withinRelease);
        var nestedCells = nested.Select(c => (c.Table, c.Cell)).ToHashSet();
        var atoms = kept?.Atoms ?? AtomPartition.Of(tables, personCount);
        if (memory is not null)
        {
            memory.Persons = new KeptPersons(earlier, candidate.Tables, tables, personCount, atoms);
        }

        // Perturbed and rounded releases rest on their method's own noise inside one release; across releases their
        // intervals are checked by the nested differences.
        if (atoms.Sizes.Length > AtomLimit || policy.Method != DisclosureMethod.Suppression)
        {
            var blamed = nestedCells.Order().ToList();
            return new CrossReleaseFindings(blamed.Count, blamed, true, releases, new AuditWork(releases, 0, atoms.Sizes.Length, 0, 0, 0));
        }

        var small = policy.MaxSensitiveCount;
        var targets = new List<int[]>();
        for (var a = 0; a < atoms.Sizes.Length; a++)
        {
            if (atoms.Sizes[a] <= small)
            {
                targets.Add([a]);
            }
        }

        var rows = new List<(int[] Atoms, long Count, PersonCell Cell, KnownCell Owner)>();
        long largest = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            var implied = tables[t].IsNew ? [] : ImpliedMargins(tables[t].Table, atoms, t);
            foreach (var known in tables[t].Table.Cells)
            {
                if (!known.Constrains && !known.Hidden)
                {
                    continue;
                }

                var cellAtoms = atoms.AtomsOf(t, known.Members);
                var count = cellAtoms.Sum(a => (long)atoms.Sizes[a]);
                largest = Math.Max(largest, count);
                // A cell the nested differences already blame will be hidden: the programs see it hidden (as the next round
                // will) and look for what else is pinned.
                var cell = known;
                if (tables[t].IsNew && !known.Hidden && nestedCells.Contains((tables[t].Table.Name, known.Cell)))
                {
                    cell = known with { Low = policy.HiddenFloor(count), High = null, Hidden = true };
                }

                if (cell.Constrains && !implied.Contains(cell.Cell))
                {
                    rows.Add((cellAtoms, count, cell, new KnownCell(tables[t].IsNew, tables[t].Table.Name, cell.Cell, cell.Hidden)));
                }

                if (cell.Hidden && count >= 1 && count <= small && cellAtoms.Length > 1)
                {
                    targets.Add(cellAtoms);
                }
            }
        }

        var distinctTargets = targets.DistinctBy(t => string.Join(',', t)).ToList();
        using var program = new AtomProgram(atoms.Sizes.Length, 10.0 * (largest + policy.Threshold), distinctTargets, policy.Threshold);
        foreach (var same in rows.GroupBy(r => (Side: r.Owner.IsNew ? r.Owner.Hidden ? 2 : 1 : 0, Atoms: string.Join(',', r.Atoms))))
        {
            var low = same.Max(r => r.Cell.Low);
            var high = same.Where(r => r.Cell.High is not null).Select(r => r.Cell.High).Min();
            var first = same.First();
            program.Add(first.Atoms, low, high, [.. same.Select(r => r.Owner)], policy.HiddenFloor(first.Count));
        }

        var open = Enumerable.Range(0, distinctTargets.Count).ToHashSet();
        // Points an earlier round found that still satisfy every row of this one clear their targets for free.
        foreach (var point in memory?.Points ?? [])
        {
            if (program.Admits(point))
            {
                open.ExceptWith(program.ReachedAt(point, open));
            }
        }

        var disclosures = 0;
        var curable = true;
        var toHide = new SortedSet<(string Table, int Cell)>();
        // Targets are cleared in groups: one program lifts every target of a group it can lift together to the threshold.
        // A group none of whose targets rise together is split in two (its targets compete for the same slack), down to
        // single targets, which are then judged on their own. Most targets go in a few programs; the rest cost about two
        // programs each, never more than the budget.
        var groups = new Stack<List<int>>();
        groups.Push([.. open.Order()]);
        var spentBefore = memory?.Iterations ?? 0;
        while (groups.Count > 0 && program.Programs < ProgramBudget && spentBefore + program.Iterations < _iterationLimit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = groups.Pop().Where(open.Contains).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            if (group.Count > 1)
            {
                var reached = program.ReachTogether(group);
                open.ExceptWith(reached);
                if (reached.Count > 0)
                {
                    memory?.Remember(program.Solution());
                    // The point may lift targets of other groups too: they need no program of their own.
                    open.ExceptWith(program.ReachedInLastSolution(open));
                }

                var left = group.Where(open.Contains).ToList();
                if (left.Count == 0)
                {
                    continue;
                }

                // A program that lifted few of its group is held back by targets competing for the same donors: halves
                // compete less (over 40 grammar orders this saved 12 % of the programs against keeping the group whole).
                if (reached.Count > 0 && (left.Count < SlowSplit || reached.Count * SlowSplit >= left.Count))
                {
                    groups.Push(left);
                }
                else
                {
                    groups.Push(left[(left.Count / 2)..]);
                    groups.Push(left[..(left.Count / 2)]);
                }

                continue;
            }

            var t = group[0];
            var reaches = program.Reaches(program.Max(t));
            // The optimum is one point the attacker cannot rule out: every open target it lifts to the threshold is in reach.
            open.ExceptWith(program.ReachedInLastSolution(open));
            open.Remove(t);
            if (reaches)
            {
                memory?.Remember(program.Solution());
                continue;
            }

            // Out of reach already without this release: the earlier releases' doing, not this one's. Within this release
            // alone it is this release's own disclosure (its tables together), and it is blamed on it like any other.
            if (!program.Reaches(program.Max(t, keepNew: false)))
            {
                continue;
            }

            program.Max(t);
            disclosures++;
            // A degenerate optimum may lean on earlier rows only or on this release's hidden cells' floors: Blame then hides
            // this release's published cells that count any of the target's persons.
            curable &= program.Blame(distinctTargets[t], rows.Select(r => (r.Atoms, r.Owner)), toHide);
        }

        foreach (var cell in nestedCells)
        {
            disclosures++;
            toHide.Add(cell);
        }

        // Targets the budget left undecided are not passed: the release is clean only when every target was decided. With
        // cells to hide the next round decides them afresh; without, the order cannot be shown safe and is refused.
        var undecided = open.Count;
        if (memory is not null)
        {
            memory.Iterations += program.Iterations;
        }

        // Out of work with targets open: a later round would start with none left, so the order cannot be shown safe.
        var exhausted = undecided > 0 && spentBefore + program.Iterations >= _iterationLimit;
        if (undecided > 0)
        {
            disclosures++;
            curable &= toHide.Count > 0 && !exhausted;
        }

        var work = new AuditWork(releases, rows.Count, atoms.Sizes.Length, distinctTargets.Count, program.Programs, undecided, exhausted);
        return new CrossReleaseFindings(disclosures, [.. toHide], curable, releases, work);
    }

    /// <summary>Whether two releases' tables count the same persons in the same inner cells.</summary>
    private static bool SamePersons(IReadOnlyList<PersonTable> a, IReadOnlyList<PersonTable> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Inner.Count == p.Second.Inner.Count
            && p.First.Inner.Zip(p.Second.Inner).All(i => i.First.AsSpan().SequenceEqual(i.Second)));

    /// <summary>What <see cref="AuditMemory.Persons"/> keeps between the rounds of one order.</summary>
    private sealed record KeptPersons(
        IReadOnlyList<RecordedRelease> Earlier, IReadOnlyList<PersonTable> Candidate, List<AuditedTable> Tables, int PersonCount, AtomPartition Atoms);

    /// <summary>
    /// An earlier table's exact margins that are the sum of its exact inner cells over disjoint atoms: the inner rows imply
    /// them, so leaving them out loses the attacker nothing, while the programs lose rows that only slow the simplex
    /// (their redundancy makes every optimum degenerate). The new release's margins stay: a margin becomes informative
    /// as soon as an inner cell under it is hidden, and the new release's cells are hidden round by round.
    /// </summary>
    internal static HashSet<int> ImpliedMargins(PersonTable table, AtomPartition atoms, int t)
    {
        var exactInner = new HashSet<int>();
        foreach (var cell in table.Cells)
        {
            if (cell.Members.Length == 1 && !cell.Hidden && cell.High == cell.Low)
            {
                exactInner.Add(cell.Members[0]);
            }
        }

        var implied = new HashSet<int>();
        foreach (var cell in table.Cells)
        {
            if (cell.Members.Length > 1 && !cell.Hidden && cell.High == cell.Low && cell.Members.All(exactInner.Contains)
                && cell.Members.Sum(m => atoms.InnerAtoms[t][m].Length) == atoms.AtomsOf(t, cell.Members).Length)
            {
                implied.Add(cell.Cell);
            }
        }

        return implied;
    }
}
