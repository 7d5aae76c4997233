using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StatService.Api.Orders;

public static class OrderWorkflowRegistration
{
    /// <summary>What the order, review and form endpoints share: product terms (review, price), orders in words.</summary>
    public static IHostApplicationBuilder AddOrderWorkflow(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IProductTerms, CatalogueProductTerms>();
        builder.Services.AddSingleton<Core.OrderSpec.OrderDefinitionText>();
        builder.Services.AddSingleton<Results.OrderWords>();
        return builder;
    }
}
