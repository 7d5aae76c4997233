using StatService.Api.Auth;
using StatService.Api.Codes;
using StatService.Api.Extracts;
using StatService.Api.Form;
using StatService.Api.Http;
using StatService.Api.Orders;
using StatService.Api.Pages;
using StatService.Api.Products;
using StatService.Api.RateLimits;
using StatService.Api.Requesters;
using StatService.Api.Review;
using StatService.Api.Status;
using StatService.Data.Orders;
using StatService.Data.Storage;
using StatService.Worker;
using StatService.Worker.Pipeline;

// 0. Files this process creates (databases, secret, extracts, results) are for the service user alone.
PrivateFiles.RestrictNewFiles();

var builder = WebApplication.CreateBuilder(args);

// 1. What every StatService process has: OpenTelemetry, health checks, problem details.
builder.AddServiceDefaults();

// 2. How the API speaks: JSON conventions, problem answers, OpenAPI.
builder.AddApiConventions();

// 3. Who is calling: API keys issued by a caseworker (hashed in the order store) or from Auth:ApiKeys (demo);
//    rate limits per requester and, for the anonymous form, per client address (RateLimits).
builder.AddApiKeyAuthentication();
builder.AddRequestRateLimits();

// 4. Orders: the order store and the Quartz worker (in-process unless Worker:RunJobs is false).
//    The embedded default answers orders from the first start: a synthetic demo extract is generated if none
//    exists, on start (after the options are validated), before the worker, whose services start after it.
builder.AddOrderStore();
builder.Services.AddHostedService<DemoExtractStartup>();
builder.AddOrderWorker();

// 5. The domain: product catalogue, code lists, extracts and order validation; the order pipeline
//    (compile -> query -> protect -> render) that RunOrderJob calls.
builder.AddStatServiceCatalogue();
builder.AddOrderPipeline();

// 5a. The order workflow: review policy and price rules per product, placing orders (review or run).
builder.AddOrderWorkflow();

var app = builder.Build();

// 6. Errors: unhandled exceptions and bare status codes become problem+json.
app.UseExceptionHandler();
app.UseStatusCodePages();

// 6a. The pages' scripts and styles (wwwroot): public, so served before authentication.
app.UseStaticFiles();

// 7. Authentication before any endpoint.
app.UseAuthentication();
app.UseAuthorization();

// 7a. Rate limits, after authentication so each requester has its own.
app.UseRateLimiter();

// 7b. Every JSON body checked before any endpoint reads it: duplicate keys, broken text, size.
app.UseJsonBodyCheck();

// 8. Endpoints.
app.MapOpenApi();
app.MapApiReference();
app.MapDefaultEndpoints();
app.MapProducts();
app.MapCodes();
app.MapExtracts();
app.MapOrders();
app.MapReview();
app.MapRequesters();
app.MapForm();
app.MapStatus();
app.MapPages();

app.LogListeningUrls();
await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
