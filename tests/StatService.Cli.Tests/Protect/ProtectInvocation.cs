using System.CommandLine;
using StatService.Cli.Commands;

namespace StatService.Cli.Tests.Protect;

internal sealed record CommandOutcome(int ExitCode, string Output, string Error);

/// <summary>Runs <c>statservice protect</c> in process, through the real parser, capturing what it prints.</summary>
internal static class ProtectInvocation
{
    public static async Task<CommandOutcome> RunAsync(params string[] arguments)
    {
        var root = new RootCommand { ProtectCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["protect", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CommandOutcome(exitCode, output.ToString(), error.ToString());
    }
}
