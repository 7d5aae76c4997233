using System.CommandLine;

namespace StatService.Cli.Commands;

/// <summary><c>statservice bench</c>: measurements that print figures (never timed assertions in tests).</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure StatService on this machine.")
    {
        BenchOrderCommand.Create(),
        BenchDisclosureCommand.Create(),
        BenchStoreCommand.Create(),
        BenchLedgerCommand.Create(),
    };
}
