using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// The keys the limits and the lockout count under: a keyed hash (HMAC-SHA256 with a key made at start,
/// never stored) of the client address or of the account, so memory holds no email or IP address and
/// the keys of one run cannot be matched with a list of addresses later.
/// </summary>
public sealed class ClientKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// The connection's address, as Kestrel (or a configured ForwardedHeaders middleware) reports it.
    /// IPv6 counts per /64, the block one household or server is given; IPv4 in IPv6 counts as IPv4.
    /// </summary>
    public string Address(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return Hash("address", "none");
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return Hash("address", address.ToString());
    }

    /// <summary>The account an email address names, whether or not it exists: trimmed and upper-cased as Identity looks it up.</summary>
    public string Account(string? email) =>
        Hash("account", (email ?? string.Empty).Trim().Normalize().ToUpperInvariant());

    /// <summary>The account whose password was accepted and now shows its second factor.</summary>
    public string SecondFactorAccount(string userId) => Hash("second-factor", userId);

    private string Hash(string kind, string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{kind}\n{value}")), 0, 16);
}
