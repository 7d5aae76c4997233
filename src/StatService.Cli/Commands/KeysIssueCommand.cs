using System.CommandLine;
using StatService.Core.Orders;

namespace StatService.Cli.Commands;

/// <summary><c>statservice keys issue --name N --kind K</c>: registers a requester and prints its API key, once.</summary>
internal static class KeysIssueCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who the key is for.", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = $"One of {RequesterKinds.Codes(Enum.GetValues<RequesterKind>())}.",
            Required = true,
        };
        var data = KeysStore.DataOption();
        var postgres = KeysStore.PostgresOption();
        var command = new Command("issue", "Register a requester and print its new API key (shown only now; stored as a hash).")
        {
            name, kind, data, postgres,
        };
        command.SetAction(async (parse, ct) =>
        {
            var requesterName = parse.GetValue(name)!.Trim();
            if (requesterName.Length is 0 or > 200)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--name: give the requester's name (1-200 characters).").ConfigureAwait(false);
                return 2;
            }

            if (!RequesterKinds.TryParse(parse.GetValue(kind), out var requesterKind))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--kind: use one of {RequesterKinds.Codes(Enum.GetValues<RequesterKind>())}.").ConfigureAwait(false);
                return 2;
            }

            var store = KeysStore.Open(parse, data, postgres);
            try
            {
                var issued = await KeysStore.Keys(store).IssueAsync(requesterName, requesterKind, ct).ConfigureAwait(false);
                parse.InvocationConfiguration.Output.WriteLine($"id:      {issued.Requester.Id}");
                parse.InvocationConfiguration.Output.WriteLine($"name:    {issued.Requester.Name}");
                parse.InvocationConfiguration.Output.WriteLine($"kind:    {RequesterKinds.Code(issued.Requester.Kind)}");
                parse.InvocationConfiguration.Output.WriteLine($"api key: {issued.ApiKey}");
                parse.InvocationConfiguration.Output.WriteLine("The key is shown only now; only its hash is stored.");
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
