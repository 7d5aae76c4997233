namespace StatService.Core.Ledger;

/// <summary>
/// Earlier releases that can say which of their tables count given persons without reading the others: a check then
/// reads only the tables that can meet its release, however long the history (see <see cref="ReleaseHistory"/>).
/// </summary>
public interface IPersonTableIndex : IReadOnlyList<RecordedRelease>
{
    /// <summary>One more than the highest person place any of the releases counts (0 when none).</summary>
    int PersonLimit { get; }

    /// <summary>
    /// Every table (the place of its release in this list, the place of the table in that release) whose inner cells count
    /// any of <paramref name="persons"/>, each once; tables that count none of them are not touched.
    /// </summary>
    IReadOnlyCollection<(int Release, int Table)> TablesCounting(IReadOnlyList<int> persons);
}
