using System.CommandLine;

namespace StatService.Cli.Commands;

/// <summary><c>statservice keys revoke --id ID</c>: the requester's key stops working at once.</summary>
internal static class KeysRevokeCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "The requester id (from 'keys list').", Required = true };
        var data = KeysStore.DataOption();
        var postgres = KeysStore.PostgresOption();
        var command = new Command("revoke", "Revoke a requester's API key.") { id, data, postgres };
        command.SetAction(async (parse, ct) =>
        {
            var store = KeysStore.Open(parse, data, postgres);
            try
            {
                var requesterId = parse.GetValue(id)!;
                if (!await KeysStore.Keys(store).RevokeAsync(requesterId, ct).ConfigureAwait(false))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"--id: there is no requester '{requesterId}'.").ConfigureAwait(false);
                    return 2;
                }

                parse.InvocationConfiguration.Output.WriteLine($"revoked the key of {requesterId}");
                return 0;
            }
            finally
            {
                await KeysStore.CloseAsync(store).ConfigureAwait(false);
            }
        });
        return command;
    }
}
