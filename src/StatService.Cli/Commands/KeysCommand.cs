using System.CommandLine;

namespace StatService.Cli.Commands;

/// <summary><c>statservice keys ...</c>: requesters' API keys in the order store the service uses. Public so tests can invoke it in process.</summary>
public static class KeysCommand
{
    public static Command Create() => new("keys", "Issue, list and revoke requesters' API keys (stored hashed in the order store).")
    {
        KeysIssueCommand.Create(),
        KeysListCommand.Create(),
        KeysRevokeCommand.Create(),
    };
}
