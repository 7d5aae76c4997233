using System.Net;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    public void Webhooks_connect_only_to_public_addresses_by_default(string address, bool allowed)
    {
        Assert.Equal(allowed, WebhookAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false, allowPrivateNetworks: false));
    }

    [Fact]
    public void Loopback_and_private_networks_are_allowed_only_when_switched_on()
    {
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Loopback, allowLoopback: true, allowPrivateNetworks: false));
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Parse("10.1.2.3"), allowLoopback: false, allowPrivateNetworks: true));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse("0.0.0.0"), allowLoopback: true, allowPrivateNetworks: true));
    }
}
