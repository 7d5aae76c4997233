using System.Diagnostics;
using StatService.Core.Disclosure;
using Xunit.Abstractions;

namespace StatService.Disclosure.Tests;

public class ScratchDiagnostics2(ITestOutputHelper output)
{
    [Theory]
    [InlineData(46)]
    [InlineData(57)]
    [InlineData(1046)]
    public void Loop(int seed)
    {
        var random = new Random(seed % 1000);
        var table = TestTables.Random(random);
        var policy = DisclosurePolicy.DanishDefault with { MaxSensitiveCount = seed % 5 == 2 ? 2 : 4, Loss = seed % 5 == 1 && seed < 1000 ? InformationLoss.CellValue : InformationLoss.CellCount, ZerosSensitive = seed % 5 == 0 };
        var problem = ProtectionProblem.FromTables([table], [0]);
        var roles = PrimarySuppression.Classify(problem, policy);
        var model = new SecondarySuppression(problem, roles, policy);
        bool[]? pattern = null;
        for (var i = 0; i < 30; i++)
        {
            var sw = Stopwatch.StartNew();
            pattern = model.Solve(TimeSpan.FromSeconds(10), pattern, default);
            var solve = sw.ElapsedMilliseconds;
            sw.Restart();
            var audit = SuppressionAudit.Run(problem, pattern!, policy);
            output.WriteLine($"iter {i}: solve {solve} ms optimal {model.LastSolveOptimal} audit {sw.ElapsedMilliseconds} ms lps {audit.LinearProgramsSolved} suppressed {pattern!.Count(x => x)} failures {audit.Failures.Count} kinds {string.Join(",", audit.Failures.Select(f => f.Kind.ToString()[0] + (problem.Values[f.Cell]).ToString() + "/" + f.Cut.Weights.Count(w => w >= 1000) + ":" + f.Cut.Weights.Count))}");
            if (audit.Passed) break;
            foreach (var f in audit.Failures) model.AddCut(f.Cut);
        }
    }
}
