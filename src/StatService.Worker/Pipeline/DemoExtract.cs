using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The embedded default: when no extract exists yet, generate a small synthetic one so that the
/// service answers orders on first start. Runs on start (<see cref="DemoExtractStartup"/>), before the server listens.
/// </summary>
public static class DemoExtract
{
    public static async Task EnsureDemoExtractAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<ExtractOptions>();
        var registry = services.GetRequiredService<ExtractRegistry>();
        if (!options.GenerateDemoIfMissing || registry.Newest() is not null)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("StatService.DemoExtract");
        var generate = new SyntheticExtractOptions
        {
            Persons = options.DemoPersons,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = options.DemoSeed,
            OutputDirectory = Path.Combine(registry.Directory, $"synthetic-{options.DemoPersons}-s{options.DemoSeed}"),
        };
        logger.LogInformation("No register extract found: generating a synthetic demo extract of {Persons} persons", generate.Persons);
        var progress = new Progress<string>(line => logger.LogInformation("{Progress}", line));
        var manifest = await SyntheticExtractGenerator.GenerateAsync(generate, progress, cancellationToken);
        registry.Refresh();
        logger.LogInformation("Demo extract {Version} is ready", manifest.ExtractVersion);
    }
}
