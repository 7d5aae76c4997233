using System.Security.Cryptography;
using System.Text;
using StatService.Core.Catalogue;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Cohorts;

/// <summary>The record-key secret as configured or generated, and its HMAC pads as the cohort SQL uses them.</summary>
public sealed class RecordKeySecretTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"statservice-record-key-{Guid.NewGuid():N}");

    public RecordKeySecretTests() => Directory.CreateDirectory(_data);

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(100)] // longer than SHA-256's block: HMAC hashes the key first
    public void The_pads_give_the_same_HMAC_as_the_framework(int secretBytes)
    {
        var secret = RandomNumberGenerator.GetBytes(secretBytes);
        var pads = RecordKeyPads.From(secret);
        var message = Encoding.UTF8.GetBytes("0101901234");

        // What cohort.sql computes: sha256(outer || sha256(inner || pnr)).
        var viaPads = SHA256.HashData([.. pads.Outer, .. SHA256.HashData([.. pads.Inner, .. message])]);

        Assert.Equal(HMACSHA256.HashData(secret, message), viaPads);
    }

    [Fact]
    public void The_embedded_layout_generates_a_secret_once_and_keeps_it()
    {
        var first = RecordKeySecret.Resolve(new RecordKeyOptions(), _data, embedded: true);
        var second = RecordKeySecret.Resolve(new RecordKeyOptions(), _data, embedded: true);

        Assert.NotNull(first.Pads);
        Assert.Equal(first.Pads.Inner, second.Pads!.Inner);
        Assert.Equal(first.Pads.Outer, second.Pads.Outer);
        Assert.True(File.Exists(Path.Combine(_data, RecordKeySecret.GeneratedFileName)));
    }

    [Fact]
    public void A_configured_secret_is_used_and_a_clustered_layout_never_generates_one()
    {
        const string Configured = "a deployment secret of some length";
        var configured = RecordKeySecret.Resolve(new RecordKeyOptions { RecordKeySecret = Configured }, _data, embedded: false);
        var none = RecordKeySecret.Resolve(new RecordKeyOptions(), _data, embedded: false);

        Assert.Equal(RecordKeyPads.From(Encoding.UTF8.GetBytes(Configured)).Inner, configured.Pads!.Inner);
        Assert.Null(none.Pads);
        Assert.False(File.Exists(Path.Combine(_data, RecordKeySecret.GeneratedFileName)));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
