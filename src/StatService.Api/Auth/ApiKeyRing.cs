using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StatService.Core.Orders;

namespace StatService.Api.Auth;

/// <summary>
/// The keys from configuration (demo keys), looked up by their SHA-256 hash so that a lookup's timing says
/// nothing about the keys.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly Dictionary<string, Requester> _requesters;

    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        _requesters = options.Value.ApiKeys.ToDictionary(
            entry => Hash(entry.Key),
            entry => new Requester(entry.Requester, RequesterKinds.TryParse(entry.Kind, out var kind) ? kind : RequesterKind.Company),
            StringComparer.Ordinal);
    }

    public Requester? Find(string key) => _requesters.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
