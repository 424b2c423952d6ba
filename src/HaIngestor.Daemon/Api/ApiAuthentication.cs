using System.Security.Cryptography;
using System.Text;

namespace HaIngestor.Daemon.Api;

/// <summary>
/// Bearer-token check for /api: when a token is configured every /api request must carry it.
/// /healthz stays open so container health checks need no secret.
/// </summary>
public sealed class ApiAuthentication(string? token)
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);

    public bool IsEnabled => _expected is not null;

    public bool IsAuthorized(HttpRequest request)
    {
        if (_expected is null)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
