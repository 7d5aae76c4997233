namespace StatService.Worker.Notifications;

/// <summary>The links a notification carries, absolute when <c>Notifications:PublicBaseUrl</c> is set.</summary>
internal sealed class NotificationLinks(string? publicBaseUrl)
{
    private readonly string _base = (publicBaseUrl ?? "").TrimEnd('/');

    /// <summary>The order through the API (needs the requester's API key).</summary>
    public string Order(Guid orderId) => $"{_base}/api/orders/{orderId}";

    public string Result(Guid orderId) => $"{_base}/api/orders/{orderId}/result";

    /// <summary>
    /// The status page of form orders. Its per-order address holds a token that only the requester has (the
    /// service stores its hash), so notifications can only point at the page itself.
    /// </summary>
    public string StatusPage() => $"{_base}/status";
}
