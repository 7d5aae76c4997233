using System.CommandLine;
using StatService.Cli.Commands;

var root = new RootCommand("StatService command-line tools.")
{
    ExtractCommand.Create(),
    CodesCommand.Create(),
    BenchCommand.Create(),
    ProtectCommand.Create(),
    KeysCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
