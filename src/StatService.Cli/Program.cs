using System.CommandLine;
using StatService.Cli.Commands;

var root = new RootCommand("StatService command-line tools.")
{
    ExtractCommand.Create(),
    BenchCommand.Create(),
    ProtectCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
