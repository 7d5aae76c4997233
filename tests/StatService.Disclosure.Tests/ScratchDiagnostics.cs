using System.Diagnostics;
using StatService.Core.Disclosure;
using Xunit.Abstractions;

namespace StatService.Disclosure.Tests;

public class ScratchDiagnostics(ITestOutputHelper output)
{
    [Theory]
    [InlineData(15)]
    [InlineData(46)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(29)]
    public void Diagnose(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.Random(random);
        var policy = (seed % 5) switch
        {
            0 => DisclosurePolicy.DanishDefault with { Name = "zeros-sensitive", ZerosSensitive = true },
            1 => DisclosurePolicy.DanishDefault with { Name = "cell-value", Loss = InformationLoss.CellValue },
            2 => DisclosurePolicy.DanishDefault with { Name = "max-2", MaxSensitiveCount = 2 },
            _ => DisclosurePolicy.DanishDefault,
        };
        var problem = ProtectionProblem.FromTables([table], [0]);
        var sw = Stopwatch.StartNew();
        var p = PatternSearch.Run(problem, policy, policy.SolverTimeLimit);
        output.WriteLine($"seed {seed}: cells {table.CellCount} dims {string.Join("x", table.Dimensions.Select(d => d.Count))} engine {sw.ElapsedMilliseconds} ms iter {p.Iterations} cuts {p.Cuts} optimal {p.Optimal} fallback {p.UsedFallback} suppressed {p.Suppressed.Count(s => s)} primaries {p.Roles.Count(r => r == CellRole.Primary)} lps {p.Audit.LinearProgramsSolved}");
    }
}
