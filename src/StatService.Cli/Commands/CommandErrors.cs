using System.CommandLine;
using System.Text.Json;
using StatService.Core.CodeLists;
using StatService.Core.Disclosure;
using StatService.Core.Tables.ManualTables;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Import;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// How every command ends when it cannot do its work: one line on stderr naming the command, never a stack trace;
/// exit code 2 for a mistake in what the user gave (arguments, files, an order), 1 for anything else.
/// </summary>
internal static class CommandErrors
{
    public const int UserError = 2;
    public const int Failure = 1;

    public static int ParseErrors(ParseResult parse, TextWriter error)
    {
        error.WriteLine($"{Name(parse)}: {OneLine(parse.Errors[0].Message)} (see --help)");
        return UserError;
    }

    public static int Report(ParseResult parse, Exception exception, TextWriter error)
    {
        if (IsUserError(exception))
        {
            error.WriteLine($"{Name(parse)}: {OneLine(exception.Message)}");
            return UserError;
        }

        error.WriteLine($"{Name(parse)}: failed ({exception.GetType().Name}): {OneLine(exception.Message)}");
        return Failure;
    }

    private static bool IsUserError(Exception exception) => exception is ArgumentException or FormatException or JsonException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException
        or OrderRejectedException or ExtractWithdrawnException or ExtractImportException or DisclosureException
        or CodeListFormatException or CodeSourceFormatException or ManualTableFormatException;

    /// <summary>The command as typed, e.g. <c>bench order</c>.</summary>
    private static string Name(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return names.Count == 0 ? "statservice" : string.Join(' ', names);
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
