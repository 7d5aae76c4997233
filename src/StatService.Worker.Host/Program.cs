using StatService.Data.Storage;
using StatService.Worker;
using StatService.Worker.Pipeline;

// 0. Files this process creates (Quartz database, results) are for the service user alone.
PrivateFiles.RestrictNewFiles();

var builder = WebApplication.CreateBuilder(args);

// 1. What every StatService process has: OpenTelemetry, health checks, problem details.
builder.AddServiceDefaults();

// 2. Orders: the order store and the Quartz worker, which in this process always runs jobs.
if (builder.Configuration.GetValue(WorkerOptions.Section + ":" + nameof(WorkerOptions.RunJobs), true) is false)
{
    throw new InvalidOperationException("A worker process runs orders: Worker:RunJobs=false is for API processes only.");
}

builder.AddOrderWorker();

// 3. The domain the jobs need: catalogue, code lists, extracts, and the pipeline (compile -> query -> protect -> render).
builder.AddStatServiceCatalogue();
builder.AddOrderPipeline();

var app = builder.Build();

// 4. Only health endpoints: /health (order store and Quartz ready) and /health/live.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

await app.RunAsync();
