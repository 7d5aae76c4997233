using System.CommandLine;
using System.Text;
using Microsoft.Data.Sqlite;
using StatService.Cli.Commands;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Requesters;
using StatService.Data.Storage;

namespace StatService.Cli.Tests.Keys;

/// <summary><c>statservice keys issue|list|revoke</c> on a real order store, the one the service opens.</summary>
public sealed class KeysCommandTests
{
    [Fact]
    public async Task An_issued_key_is_printed_once_stored_as_a_hash_and_dies_when_revoked()
    {
        using var folder = new TemporaryDirectory();

        var issue = await RunAsync("issue", "--name", "Diabetesforeningen", "--kind", "patient_association", "--data", folder.Path);
        Assert.Equal(0, issue.ExitCode);
        var key = Field(issue.Output, "api key");
        var id = Field(issue.Output, "id");

        var store = new AdoRequesterStore(new SqliteOrderDatabase(Path.Combine(folder.Path, SqliteOrderDatabase.FileName)));
        var keys = new RequesterKeys(store, TimeProvider.System);
        var requester = await keys.FindAsync(key, CancellationToken.None);
        Assert.Equal((id, "Diabetesforeningen", RequesterKind.PatientAssociation), (requester?.Id, requester?.Name, requester?.Kind));
        Assert.False(FileContains(folder.Path, key));

        var list = await RunAsync("list", "--data", folder.Path);
        Assert.Contains($"{id}\tpatient_association\t", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);

        var revoke = await RunAsync("revoke", "--id", id, "--data", folder.Path);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Null(await keys.FindAsync(key, CancellationToken.None));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task An_unknown_kind_or_requester_stops_with_exit_code_2_and_the_option_named()
    {
        using var folder = new TemporaryDirectory();

        var badKind = await RunAsync("issue", "--name", "X", "--kind", "lobbyist", "--data", folder.Path);
        var unknown = await RunAsync("revoke", "--id", "r0000000000000000", "--data", folder.Path);

        Assert.Equal((2, true), (badKind.ExitCode, badKind.Error.Contains("--kind", StringComparison.Ordinal)));
        Assert.Equal((2, true), (unknown.ExitCode, unknown.Error.Contains("--id", StringComparison.Ordinal)));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var root = new RootCommand { KeysCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["keys", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string Field(string output, string name) =>
        output.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    private static bool FileContains(string folder, string text)
    {
        SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(folder, SqliteOrderDatabase.FileName + "*").Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
