using System.CommandLine;
using StatService.Cli.Commands;
using StatService.Data.Storage;

// Extracts, keys and outputs the tools write are for their user alone.
PrivateFiles.RestrictNewFiles();

var root = new RootCommand("StatService command-line tools.")
{
    ExtractCommand.Create(),
    CodesCommand.Create(),
    BenchCommand.Create(),
    ProtectCommand.Create(),
    KeysCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
