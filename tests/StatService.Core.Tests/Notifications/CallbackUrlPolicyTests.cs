using StatService.Core.Notifications;

namespace StatService.Core.Tests.Notifications;

public sealed class CallbackUrlPolicyTests
{
    [Theory]
    [InlineData("https://hooks.example.com/statservice", false, true)]
    [InlineData("https://hooks.example.com:8443/a?b=c", false, true)]
    [InlineData("http://hooks.example.com/statservice", false, false)]
    [InlineData("http://hooks.example.com/statservice", true, false)]
    [InlineData("http://127.0.0.1:5000/hook", false, false)]
    [InlineData("http://127.0.0.1:5000/hook", true, true)]
    [InlineData("http://localhost/hook", true, true)]
    [InlineData("http://[::1]/hook", true, true)]
    [InlineData("https://localhost/hook", false, false)]
    [InlineData("https://user:secret@hooks.example.com/", false, false)]
    [InlineData("ftp://hooks.example.com/", false, false)]
    [InlineData("/relative/hook", true, false)]
    [InlineData("not a url", true, false)]
    public void Only_https_or_loopback_in_development_is_allowed(string url, bool allowLoopback, bool allowed)
    {
        Assert.Equal(allowed, CallbackUrlPolicy.IsAllowed(url, allowLoopback, out var reason));
        Assert.Equal(allowed, reason.Length == 0);
    }
}
