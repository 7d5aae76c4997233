using System.Net;
using System.Text.Json;
using StatService.Api.Tests.TestDoubles;

namespace StatService.Api.Tests.Review;

/// <summary>
/// Orders of a product that needs a caseworker, through the real HTTP pipeline, store and Quartz: in review,
/// approved (with a price quote) or rejected or cancelled, every transition in the order's history.
/// </summary>
public sealed class ReviewWorkflowTests
{
    // Region (5 regions + total) x sex (2 + total): the table's cells with margins.
    private const int RegionBySexCells = 6 * 3;

    private static readonly object RegionBySexOrder = new
    {
        product = FixedResultPipeline.Product,
        parameters = new { years = new[] { 2022 }, breakdown = new[] { "region", "sex" } },
        purpose = "Patient base for a phase III trial",
        contact = new { name = "Ada Jensen", email = "ada@example.com" },
    };

    [Fact]
    public async Task An_order_waits_in_review_and_runs_once_approved_with_the_price_from_the_rule_and_a_complete_history()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");

        var (submitted, accepted) = await HttpSteps.PostJsonAsync(company, "/api/orders", RegionBySexOrder);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal("in_review", accepted.GetProperty("status").GetString());
        var id = accepted.GetProperty("id").GetGuid();

        var (_, queue) = await HttpSteps.GetJsonAsync(caseworker, "/api/review/orders");
        var pending = Assert.Single(queue.EnumerateArray());
        Assert.Equal(id, pending.GetProperty("id").GetGuid());
        Assert.Equal(RegionBySexCells, pending.GetProperty("estimatedCells").GetInt64());
        var expectedPrice = ReviewedTestProducts.Price.BaseDkk + (ReviewedTestProducts.Price.PerCellDkk * RegionBySexCells);
        Assert.Equal(expectedPrice, pending.GetProperty("suggestedPriceDkk").GetDecimal());
        Assert.Equal("Patient base for a phase III trial", pending.GetProperty("purpose").GetString());
        Assert.Equal("ada@example.com", pending.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("company", pending.GetProperty("requesterKind").GetString());
        Assert.Equal(["region", "sex"], pending.GetProperty("parameters").GetProperty("breakdown").EnumerateArray().Select(b => b.GetString()));
        Assert.False(application.Pipeline.Runs.ContainsKey(id));

        var (approval, approved) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", new { note = "Approved for trial planning." });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(expectedPrice, approved.GetProperty("priceQuoteDkk").GetDecimal());

        var order = await StatServiceApplication.WaitForStatusAsync(company, id, "delivered");
        Assert.Equal(1, application.Pipeline.Runs[id]);
        Assert.Equal(expectedPrice, order.GetProperty("priceQuoteDkk").GetDecimal());
        Assert.Equal(JsonValueKind.String, order.GetProperty("approvedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("queuePosition").ValueKind);
        Assert.Equal(
            [
                ("demo-company", null, "submitted", null),
                ("demo-company", "submitted", "in_review", null),
                ("caseworker", "in_review", "queued", "Approved for trial planning."),
                ("worker", "queued", "running", null),
                ("worker", "running", "delivered", null),
            ],
            HttpSteps.History(order));
        var times = order.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);

        // The caseworker sees who approved; the queue is empty again.
        var (_, asCaseworker) = await HttpSteps.GetJsonAsync(caseworker, $"/api/orders/{id}");
        Assert.Equal("caseworker:demo-caseworker", HttpSteps.History(asCaseworker)[2].Actor);
        Assert.Empty((await HttpSteps.GetJsonAsync(caseworker, "/api/review/orders")).Body.EnumerateArray());
    }

    [Fact]
    public async Task A_caseworker_may_quote_a_price_of_their_own()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var id = await StatServiceApplication.SubmitAsync(company);

        var (approval, approved) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", new { priceQuoteDkk = 1234.5m });

        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(1234.5m, approved.GetProperty("priceQuoteDkk").GetDecimal());
        var order = await StatServiceApplication.WaitForStatusAsync(company, id, "delivered");
        Assert.Equal(1234.5m, order.GetProperty("priceQuoteDkk").GetDecimal());
    }

    [Fact]
    public async Task A_negative_price_quote_is_a_problem_naming_the_field()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var id = await StatServiceApplication.SubmitAsync(company);

        var (response, problem) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", new { priceQuoteDkk = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("priceQuoteDkk", out _));
        Assert.Equal("in_review", (await HttpSteps.GetJsonAsync(company, $"/api/orders/{id}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_requester_reads_it()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var id = await StatServiceApplication.SubmitAsync(company);

        var (withoutReason, problem) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("application/problem+json", withoutReason.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        const string Reason = "The cohort is too small to publish by region.";
        var (rejection, rejected) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/reject", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, rejection.StatusCode);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        var (_, order) = await HttpSteps.GetJsonAsync(company, $"/api/orders/{id}");
        Assert.Equal("rejected", order.GetProperty("status").GetString());
        Assert.Equal(Reason, order.GetProperty("rejectionReason").GetString());
        Assert.Equal(("caseworker", "in_review", "rejected", Reason), HttpSteps.History(order)[^1]);

        var (again, conflict) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("rejected", conflict.GetProperty("orderStatus").GetString());
        using var result = await company.GetAsync($"/api/orders/{id}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.False(application.Pipeline.Runs.ContainsKey(id));
    }

    [Fact]
    public async Task The_requester_can_cancel_while_in_review_and_the_order_never_runs()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var id = await StatServiceApplication.SubmitAsync(company);

        var (cancel, cancelled) = await HttpSteps.PostJsonAsync(company, $"/api/orders/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, cancelled.GetProperty("cancelledAt").ValueKind);
        Assert.Equal(("demo-company", "in_review", "cancelled", "Cancelled by the requester."), HttpSteps.History(cancelled)[^1]);
        Assert.Empty((await HttpSteps.GetJsonAsync(caseworker, "/api/review/orders")).Body.EnumerateArray());
        var (approve, _) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.False(application.Pipeline.Runs.ContainsKey(id));
    }

    [Fact]
    public async Task Queued_orders_show_their_place_in_the_queue_and_can_be_cancelled_before_they_run()
    {
        // No jobs run in this process, so approved orders stay queued.
        await using var application = new StatServiceApplication { Settings = { ["Worker:RunJobs"] = "false" } };
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var first = await StatServiceApplication.SubmitAsync(company);
        var second = await StatServiceApplication.SubmitAsync(company);
        await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{first}/approve", null);
        await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{second}/approve", null);

        Assert.Equal(1, (await HttpSteps.GetJsonAsync(company, $"/api/orders/{first}")).Body.GetProperty("queuePosition").GetInt32());
        Assert.Equal(2, (await HttpSteps.GetJsonAsync(company, $"/api/orders/{second}")).Body.GetProperty("queuePosition").GetInt32());

        var (cancel, cancelled) = await HttpSteps.PostJsonAsync(company, $"/api/orders/{first}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(("demo-company", "queued", "cancelled", "Cancelled by the requester."), HttpSteps.History(cancelled)[^1]);
        Assert.Equal(1, (await HttpSteps.GetJsonAsync(company, $"/api/orders/{second}")).Body.GetProperty("queuePosition").GetInt32());
    }

    [Fact]
    public async Task An_order_that_is_running_or_delivered_cannot_be_cancelled()
    {
        await using var application = new StatServiceApplication();
        using var company = application.CreateClient("demo-company");
        var delivered = await StatServiceApplication.SubmitAsync(company);
        await StatServiceApplication.WaitForStatusAsync(company, delivered, "delivered");
        var running = await StatServiceApplication.SubmitAsync(company, FixedResultPipeline.HeldProduct);
        await StatServiceApplication.WaitForStatusAsync(company, running, "running");

        var (afterRun, problem) = await HttpSteps.PostJsonAsync(company, $"/api/orders/{delivered}/cancel", null);
        var (duringRun, runningProblem) = await HttpSteps.PostJsonAsync(company, $"/api/orders/{running}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, afterRun.StatusCode);
        Assert.Equal("application/problem+json", afterRun.Content.Headers.ContentType?.MediaType);
        Assert.Equal("delivered", problem.GetProperty("orderStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duringRun.StatusCode);
        Assert.Equal("running", runningProblem.GetProperty("orderStatus").GetString());
        application.Pipeline.ReleaseHeld();
        await StatServiceApplication.WaitForStatusAsync(company, running, "delivered");
    }

    [Fact]
    public async Task Orders_of_an_automatic_product_skip_review_and_record_their_history()
    {
        await using var application = new StatServiceApplication();
        using var company = application.CreateClient("demo-company");
        var id = await StatServiceApplication.SubmitAsync(company);

        var order = await StatServiceApplication.WaitForStatusAsync(company, id, "delivered");

        Assert.Equal(
            [
                ("demo-company", null, "submitted", null),
                ("system", "submitted", "queued", null),
                ("worker", "queued", "running", null),
                ("worker", "running", "delivered", null),
            ],
            HttpSteps.History(order));
    }

    [Fact]
    public async Task Requesters_list_their_own_orders_and_a_caseworker_lists_every_order_by_status()
    {
        await using var application = new StatServiceApplication();
        var reviewed = application.WithReviewedProducts();
        using var company = reviewed.ClientFor("demo-company");
        using var journalist = reviewed.ClientFor("demo-journalist");
        using var caseworker = reviewed.ClientFor("demo-caseworker");
        var mine = await StatServiceApplication.SubmitAsync(company);
        var theirs = await StatServiceApplication.SubmitAsync(journalist);

        var own = (await HttpSteps.GetJsonAsync(company, "/api/orders")).Body.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToArray();
        var all = (await HttpSteps.GetJsonAsync(caseworker, "/api/orders?status=in_review")).Body.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToArray();
        var (badStatus, problem) = await HttpSteps.GetJsonAsync(caseworker, "/api/orders?status=pending");

        Assert.Equal([mine], own);
        Assert.Equal([theirs, mine], all);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }
}
