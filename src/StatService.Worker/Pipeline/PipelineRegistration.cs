using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.OrderSpec;
using StatService.Data.Extracts;
using StatService.Data.Storage;
using StatService.Disclosure;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Worker.Pipeline;

public static class PipelineRegistration
{
    /// <summary>Where products and code lists are read from: the queries folder shipped beside the binaries.</summary>
    public static string DefaultQueriesDirectory => Path.Combine(AppContext.BaseDirectory, "queries");

    /// <summary>
    /// The product catalogue, code lists, extract registry and order validator: what the API needs to
    /// accept an order and the worker needs to run it.
    /// </summary>
    public static IHostApplicationBuilder AddStatServiceCatalogue(this IHostApplicationBuilder builder)
    {
        var queries = builder.Configuration["Catalogue:QueriesDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : DefaultQueriesDirectory;
        // CodeLists:Directory points at complete lists made by `statservice codes import`; empty: the shipped ones.
        builder.Services.AddOptions<Core.CodeLists.CodeListOptions>().BindConfiguration(Core.CodeLists.CodeListOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        string CodeListsDirectory(IServiceProvider sp) =>
            sp.GetRequiredService<IOptions<Core.CodeLists.CodeListOptions>>().Value.Directory is { Length: > 0 } codeLists
                ? Path.GetFullPath(codeLists, builder.Environment.ContentRootPath)
                : Path.Combine(queries, "codelists");
        builder.Services.AddSingleton(sp => Core.CodeLists.CodeListSet.Load(CodeListsDirectory(sp)));
        builder.Services.AddSingleton(sp => ProcedureCodes.Load(CodeListsDirectory(sp)));
        builder.Services.AddSingleton(_ => ProductCatalogue.Load(queries));
        builder.Services.AddSingleton<IProductCatalogue>(sp => sp.GetRequiredService<ProductCatalogue>());
        builder.Services.AddSingleton(new OrderLimits());
        builder.Services.AddSingleton<Breakdowns>();
        builder.Services.AddSingleton<CohortParametersReader>();
        builder.Services.AddSingleton<IOrderRequestValidator, OrderRequestValidator>();

        builder.Services.AddOptions<ExtractOptions>().BindConfiguration(ExtractOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExtractOptions>>().Value);
        builder.Services.AddSingleton(sp => new ExtractRegistry(ExtractsDirectory(builder.Configuration, builder.Environment, sp.GetRequiredService<ExtractOptions>())));
        builder.Services.AddSingleton<IExtractRegistry>(sp => sp.GetRequiredService<ExtractRegistry>());
        builder.Services.AddHealthChecks().AddCheck<ExtractIntegrityHealthCheck>("extracts", tags: ["ready"]);
        return builder;
    }

    /// <summary>Simplex iterations the release ledger's check may spend on one order (<see cref="JointReleaseAudit.DefaultIterationLimit"/>).</summary>
    public const string IterationLimitKey = "Ledger:IterationLimit";

    /// <summary>compile -> query -> protect -> render, used by RunOrderJob.</summary>
    public static IHostApplicationBuilder AddOrderPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ExtractDatabases>();
        builder.Services.AddHostedService<ExtractIntegrityMonitor>();
        builder.Services.AddSingleton<LedgerWarmup>();
        builder.Services.AddHostedService<PipelineWarmup>();
        builder.Services.AddSingleton<WarmupProgress>();
        builder.Services.AddHealthChecks().AddCheck<WarmupProgress>("warm-up", tags: ["ready"]);
        builder.Services.AddSingleton<ExtractQueryRunner>();
        builder.Services.AddSingleton<IDisclosureControl, ReleaseProtection>();
        // Work, not time, bounds the ledger's check: the same limit on every worker of a deployment gives the same outcomes.
        var iterationLimit = builder.Configuration.GetValue(IterationLimitKey, JointReleaseAudit.DefaultIterationLimit);
        if (iterationLimit <= 0)
        {
            throw new InvalidOperationException($"{IterationLimitKey} must be a positive number of simplex iterations.");
        }

        builder.Services.AddSingleton<ICrossReleaseAudit>(new JointReleaseAudit(iterationLimit));
        var embedded = StorageOptions.ReadProvider(builder.Configuration) == StorageProvider.Sqlite;
        builder.Services.AddOptions<RecordKeyOptions>().BindConfiguration(RecordKeyOptions.Section).ValidateDataAnnotations()
            .Validate<ProductCatalogue>(
                (options, catalogue) => embedded || options.RecordKeySecret is { Length: > 0 }
                    || catalogue.Ids.All(id => catalogue.Find(id)!.Disclosure.Method != DisclosureMethod.CellKey),
                "A product uses cell-key perturbation: set Disclosure:RecordKeySecret (the same secret on every worker).")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => RecordKeySecret.Resolve(
            sp.GetRequiredService<IOptions<RecordKeyOptions>>().Value, StorageOptions.ResolveDataDirectory(builder.Configuration, builder.Environment), embedded));
        builder.Services.AddSingleton<IOrderPipeline, OrderPipeline>();
        return builder;
    }

    private static string ExtractsDirectory(IConfiguration configuration, IHostEnvironment environment, ExtractOptions options) =>
        Path.GetFullPath(options.Directory, StorageOptions.ResolveDataDirectory(configuration, environment));
}
