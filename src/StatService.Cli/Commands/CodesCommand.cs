using System.CommandLine;

namespace StatService.Cli.Commands;

/// <summary><c>statservice codes ...</c>: the code lists orders are checked against.</summary>
internal static class CodesCommand
{
    public static Command Create() => new("codes", "Code lists (ICD-10/SKS, ATC).")
    {
        CodesImportCommand.Create(),
    };
}
