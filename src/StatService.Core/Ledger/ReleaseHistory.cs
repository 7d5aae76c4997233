namespace StatService.Core.Ledger;

/// <summary>
/// The releases of one extract version in the order they were recorded, kept in memory and only ever appended to (the
/// ledger never changes a record), with an index from each person place to the tables that count it. A check asks a
/// <see cref="View"/> which tables meet its persons and reads only those: its cost follows the releases it can meet,
/// not the length of the history. The index takes about four bytes per person a table counts, as the decoded
/// releases do. Safe for one writer and many readers at once: views see the releases recorded before they were taken.
/// </summary>
public sealed class ReleaseHistory
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<RecordedRelease> _releases = [];
    private readonly List<int> _releaseOfTable = [];
    private readonly List<int> _firstTable = [];
    private int[][] _postings = [];
    private int[] _lengths = [];
    private int _personLimit;

    /// <summary>The ledger's sequence number of the last release appended (0: none).</summary>
    public long LastSequence { get; private set; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _releases.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Appends a release recorded after every one appended so far.</summary>
    public void Append(long sequence, RecordedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (sequence <= LastSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "Releases are appended in the order they were recorded.");
        }

        _lock.EnterWriteLock();
        try
        {
            var index = _releases.Count;
            _firstTable.Add(_releaseOfTable.Count);
            foreach (var table in release.Persons.Tables)
            {
                var id = _releaseOfTable.Count;
                _releaseOfTable.Add(index);
                foreach (var persons in table.Inner)
                {
                    foreach (var p in persons)
                    {
                        Post(p, id);
                    }
                }
            }

            _releases.Add(release);
            LastSequence = sequence;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The releases appended so far but <paramref name="excludedOrder"/>'s (a re-run of the same order).</summary>
    public IPersonTableIndex View(Guid excludedOrder)
    {
        _lock.EnterReadLock();
        try
        {
            var count = _releases.Count;
            var excluded = _releases.FindIndex(r => r.OrderId == excludedOrder);
            return new HistoryView(this, count, excluded);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Post(int person, int table)
    {
        if (person >= _postings.Length)
        {
            var size = Math.Max(person + 1, _postings.Length * 2);
            Array.Resize(ref _postings, size);
            Array.Resize(ref _lengths, size);
        }

        _personLimit = Math.Max(_personLimit, person + 1);
        var list = _postings[person] ??= new int[2];
        var length = _lengths[person];
        // A person in several inner cells of one table (a non-additive table) is posted once.
        if (length > 0 && list[length - 1] == table)
        {
            return;
        }

        if (length == list.Length)
        {
            Array.Resize(ref list, length * 2);
            _postings[person] = list;
        }

        list[length] = table;
        _lengths[person] = length + 1;
    }

    /// <summary>The first <c>count</c> releases, but the one at <c>excluded</c> (-1: none), renumbered without it.</summary>
    private sealed class HistoryView(ReleaseHistory history, int count, int excluded) : IPersonTableIndex
    {
        private readonly List<RecordedRelease> _releases = history._releases;

        public int Count => excluded < 0 ? count : count - 1;

        public RecordedRelease this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                history._lock.EnterReadLock();
                try
                {
                    return _releases[Global(index)];
                }
                finally
                {
                    history._lock.ExitReadLock();
                }
            }
        }

        public int PersonLimit
        {
            get
            {
                history._lock.EnterReadLock();
                try
                {
                    return history._personLimit;
                }
                finally
                {
                    history._lock.ExitReadLock();
                }
            }
        }

        public IReadOnlyCollection<(int Release, int Table)> TablesCounting(IReadOnlyList<int> persons)
        {
            ArgumentNullException.ThrowIfNull(persons);
            var found = new HashSet<(int, int)>();
            history._lock.EnterReadLock();
            try
            {
                var seen = new HashSet<int>();
                foreach (var p in persons)
                {
                    if (p < 0 || p >= history._postings.Length || history._postings[p] is not { } list)
                    {
                        continue;
                    }

                    for (var i = 0; i < history._lengths[p]; i++)
                    {
                        var table = list[i];
                        var release = history._releaseOfTable[table];
                        // Postings ascend, so the rest were recorded after this view was taken.
                        if (release >= count)
                        {
                            break;
                        }

                        if (release != excluded && seen.Add(table))
                        {
                            found.Add((Local(release), table - history._firstTable[release]));
                        }
                    }
                }
            }
            finally
            {
                history._lock.ExitReadLock();
            }

            return found;
        }

        public IEnumerator<RecordedRelease> GetEnumerator()
        {
            RecordedRelease[] snapshot;
            history._lock.EnterReadLock();
            try
            {
                snapshot = [.. _releases.Take(count).Where((_, i) => i != excluded)];
            }
            finally
            {
                history._lock.ExitReadLock();
            }

            return ((IEnumerable<RecordedRelease>)snapshot).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private int Global(int index) => excluded >= 0 && index >= excluded ? index + 1 : index;

        private int Local(int release) => excluded >= 0 && release > excluded ? release - 1 : release;
    }
}
