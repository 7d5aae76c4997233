namespace StatService.Core.Ledger;

/// <summary>
/// The releases of one extract version in the order they were recorded, kept in memory and only ever appended to (the
/// ledger never changes a record), with an index from each person place to the tables that count it. A check asks a
/// <see cref="View"/> which tables meet its persons and reads only those: its cost follows the releases it can meet,
/// not the length of the history. Memory: a release read from the ledger is kept in its stored form
/// (<see cref="ReleasePersonsCodec"/>, about a byte a person) and decoded by the views that read it, once per view (a
/// check takes one view and lets it go); the index holds each person's tables as gaps in varints, about a byte per
/// person a table counts. Safe for one writer and many readers at once: views see the releases recorded before they
/// were taken.
/// </summary>
public sealed class ReleaseHistory
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<Entry> _releases = [];
    private readonly List<int> _releaseOfTable = [];
    private readonly List<int> _firstTable = [];
    private byte[][] _postings = [];
    private int[] _lengths = [];
    private int[] _lastTable = [];
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

    /// <summary>Appends a release recorded after every one appended so far, kept as it is.</summary>
    public void Append(long sequence, RecordedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        Append(sequence, new Entry(release.OrderId, null, release), release.Persons);
    }

    /// <summary>
    /// Appends a release recorded after every one appended so far, in its stored form (<see cref="ReleasePersonsCodec"/>):
    /// it is decoded here to index its persons, then kept as the payload, and decoded again by the views that read it.
    /// </summary>
    public void Append(long sequence, Guid orderId, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Append(sequence, new Entry(orderId, payload, null), ReleasePersonsCodec.Decode(payload));
    }

    private void Append(long sequence, Entry entry, ReleasePersons persons)
    {
        if (sequence <= LastSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "Releases are appended in the order they were recorded.");
        }

        _lock.EnterWriteLock();
        try
        {
            var index = _releases.Count;
            _firstTable.Add(_releaseOfTable.Count);
            foreach (var table in persons.Tables)
            {
                var id = _releaseOfTable.Count;
                _releaseOfTable.Add(index);
                foreach (var cell in table.Inner)
                {
                    foreach (var p in cell)
                    {
                        Post(p, id);
                    }
                }
            }

            _releases.Add(entry);
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

    /// <summary>Adds a table to a person's list: the gap from the person's last table (ids ascend), as a LEB128 varint.</summary>
    private void Post(int person, int table)
    {
        if (person >= _postings.Length)
        {
            var size = Math.Max(person + 1, _postings.Length * 2);
            var from = _postings.Length;
            Array.Resize(ref _postings, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _lastTable, size);
            Array.Fill(_lastTable, -1, from, size - from);
        }

        _personLimit = Math.Max(_personLimit, person + 1);
        // A person in several inner cells of one table (a non-additive table) is posted once.
        if (_lastTable[person] == table)
        {
            return;
        }

        var list = _postings[person] ??= new byte[4];
        var length = _lengths[person];
        var gap = (uint)(table - _lastTable[person] - 1);
        if (length + 5 > list.Length)
        {
            Array.Resize(ref list, Math.Max(length + 5, list.Length * 2));
            _postings[person] = list;
        }

        while (gap >= 0x80)
        {
            list[length++] = (byte)(gap | 0x80);
            gap >>= 7;
        }

        list[length++] = (byte)gap;
        _lengths[person] = length;
        _lastTable[person] = table;
    }

    /// <summary>A release as held: as appended (<see cref="Decoded"/>) or in its stored form (<see cref="Payload"/>).</summary>
    private sealed record Entry(Guid OrderId, byte[]? Payload, RecordedRelease? Decoded)
    {
        public RecordedRelease Decode() => Decoded ?? new RecordedRelease(OrderId, ReleasePersonsCodec.Decode(Payload!));
    }

    /// <summary>The first <c>count</c> releases, but the one at <c>excluded</c> (-1: none), renumbered without it.</summary>
    private sealed class HistoryView(ReleaseHistory history, int count, int excluded) : IPersonTableIndex
    {
        private readonly List<Entry> _releases = history._releases;

        // Releases this view has decoded: a check reads a table of a release several times.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, RecordedRelease> _decoded = new();

        public int Count => excluded < 0 ? count : count - 1;

        public RecordedRelease this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var global = Global(index);
                return _decoded.GetOrAdd(global, g => Held(g).Decode());
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

                    var (length, table) = (history._lengths[p], -1);
                    for (var at = 0; at < length;)
                    {
                        uint gap = 0;
                        for (var shift = 0; ; shift += 7)
                        {
                            var b = list[at++];
                            gap |= (uint)(b & 0x7F) << shift;
                            if (b < 0x80)
                            {
                                break;
                            }
                        }

                        table += (int)gap + 1;
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
            // Decodes every release: for scans of the whole history (the audit reads a view through its index instead).
            return Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private Entry Held(int global)
        {
            history._lock.EnterReadLock();
            try
            {
                return _releases[global];
            }
            finally
            {
                history._lock.ExitReadLock();
            }
        }

        private int Global(int index) => excluded >= 0 && index >= excluded ? index + 1 : index;

        private int Local(int release) => excluded >= 0 && release > excluded ? release - 1 : release;
    }
}
