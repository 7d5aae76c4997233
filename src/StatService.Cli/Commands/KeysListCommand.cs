using System.CommandLine;
using System.Globalization;
using StatService.Core.Orders;

namespace StatService.Cli.Commands;

/// <summary><c>statservice keys list</c>: the requesters with issued keys (never the keys).</summary>
internal static class KeysListCommand
{
    public static Command Create()
    {
        var data = KeysStore.DataOption();
        var postgres = KeysStore.PostgresOption();
        var command = new Command("list", "List requesters with issued keys, oldest first.") { data, postgres };
        command.SetAction(async (parse, ct) =>
        {
            var store = KeysStore.Open(parse, data, postgres);
            try
            {
                var requesters = await KeysStore.Keys(store).ListAsync(ct).ConfigureAwait(false);
                parse.InvocationConfiguration.Output.WriteLine("id\tkind\tcreated\trevoked\tname");
                foreach (var requester in requesters)
                {
                    parse.InvocationConfiguration.Output.WriteLine(string.Join('\t',
                        requester.Id,
                        RequesterKinds.Code(requester.Kind),
                        requester.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                        requester.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                        requester.Name));
                }

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
