using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Orders;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;

namespace StatService.Api.Tests.Review;

/// <summary>
/// The test application with <see cref="FixedResultPipeline.Product"/> and <see cref="FixedResultPipeline.HeldProduct"/>
/// declared <c>"review": "caseworker"</c> with a price rule, as a product.json would declare them.
/// </summary>
public static class ReviewedTestProducts
{
    public static readonly ProductPrice Price = new(BaseDkk: 2500m, PerCellDkk: 2m);

    public static WebApplicationFactory<Program> WithReviewedProducts(this StatServiceApplication application) =>
        application.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IProductTerms>(new Terms())));

    public static HttpClient ClientFor(this WebApplicationFactory<Program> application, string? apiKey)
    {
        var client = application.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    private sealed class Terms : IProductTerms
    {
        public ProductTerms For(string product) => product is FixedResultPipeline.Product or FixedResultPipeline.HeldProduct
            ? new ProductTerms(ReviewPolicy.Caseworker, Price)
            : ProductTerms.Unknown;
    }
}
