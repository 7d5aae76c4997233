using System.CommandLine;

namespace StatService.Cli.Commands;

/// <summary><c>statservice extract ...</c>: commands that make or inspect register extracts.</summary>
internal static class ExtractCommand
{
    public static Command Create() => new("extract", "Register extracts.")
    {
        ExtractGenerateCommand.Create(),
        ExtractImportCommand.Create(),
    };
}
