using StatService.Api.Tests.Form;
using StatService.Api.Tests.Review;

namespace StatService.Api.Tests.Authorization;

/// <summary>One service for the authorization tests, holding a delivered order of demo-company and a form order in review.</summary>
public sealed class AuthorizationFixture : IAsyncLifetime
{
    public StatServiceApplication Application { get; } = new();

    public Guid CompanyOrder { get; private set; }

    public string FormToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var company = Application.CreateClient("demo-company");
        CompanyOrder = await StatServiceApplication.SubmitAsync(company);
        await StatServiceApplication.WaitForStatusAsync(company, CompanyOrder, "delivered");
        using var anonymous = Application.CreateClient();
        var (_, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormOrderTests.FormBody());
        FormToken = accepted.GetProperty("statusToken").GetString()!;
    }

    public async Task DisposeAsync() => await Application.DisposeAsync();
}
