namespace StatService.Data.Tests.Stores;

/// <summary>
/// The release ledger contract on a real PostgreSQL server, a fresh database per test: an advisory transaction lock per
/// extract version serialises the sessions of one version, and only of one version.
/// </summary>
public sealed class PostgresReleaseLedgerTests : ReleaseLedgerContract<PostgresStoreDatabase>
{
    [Fact]
    public async Task Checks_on_different_extract_versions_do_not_wait_for_each_other()
    {
        var order = await NewOrderAsync();
        await using var held = await Ledger.BeginAsync(Version, CancellationToken.None);

        await using var other = await OpenLedger().BeginAsync("another-version", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await other.CommitAsync(Result(order, "json"), Release(order, Persons(8), 0, 0, "another-version"), CancellationToken.None);

        Assert.Single(await Ledger.EarlierReleasesAsync("another-version", Guid.NewGuid(), CancellationToken.None));
        Assert.Empty(await held.EarlierReleasesAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
