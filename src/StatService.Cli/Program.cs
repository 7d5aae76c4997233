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

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    return CommandErrors.ParseErrors(parse, Console.Error);
}

try
{
    // Errors are reported by CommandErrors: one line, the right exit code, no stack trace.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("statservice: cancelled");
    return 130;
}
catch (Exception exception)
{
    return CommandErrors.Report(parse, exception, Console.Error);
}
