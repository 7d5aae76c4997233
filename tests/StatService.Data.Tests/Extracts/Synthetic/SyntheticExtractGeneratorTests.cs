using System.ComponentModel.DataAnnotations;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Data.Tests.Extracts.Synthetic;

[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractGeneratorTests(SyntheticExtractFixture fixture)
{
    [Fact]
    public async Task Refuses_to_write_into_a_folder_that_already_holds_an_extract()
    {
        var options = fixture.Options("main");

        await Assert.ThrowsAsync<InvalidOperationException>(() => SyntheticExtractGenerator.GenerateAsync(options));
        Assert.Equal(fixture.Manifest.CreatedAt, ExtractManifest.Read(options.OutputDirectory).CreatedAt);
    }

    [Fact]
    public async Task Rejects_coverage_that_ends_before_it_starts()
    {
        var options = fixture.Options("backwards") with { From = new DateOnly(2023, 1, 1), To = new DateOnly(2022, 1, 1) };

        await Assert.ThrowsAsync<ValidationException>(() => SyntheticExtractGenerator.GenerateAsync(options));
        Assert.False(Directory.Exists(options.OutputDirectory));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task Cancelling_leaves_no_files_that_could_pass_for_an_extract(int afterMilliseconds)
    {
        var options = fixture.Options($"cancelled-{afterMilliseconds}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMilliseconds));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SyntheticExtractGenerator.GenerateAsync(options, progress: null, cancel.Token));
        Assert.Empty(Directory.Exists(options.OutputDirectory) ? Directory.EnumerateFileSystemEntries(options.OutputDirectory) : []);
    }

    [Fact]
    public async Task Reports_progress_for_every_register()
    {
        var lines = new List<string>();
        var options = fixture.Options("progress") with { Persons = 500 };

        await SyntheticExtractGenerator.GenerateAsync(options, new SynchronousProgress(lines));

        foreach (var table in fixture.Manifest.Tables.Keys)
        {
            Assert.Contains(lines, l => l.StartsWith($"{table}: ", StringComparison.Ordinal) && l.Contains(" rows, ", StringComparison.Ordinal));
        }
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
