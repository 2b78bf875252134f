using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Infrastructure.KeysAtRest;

/// <summary>
/// Keys stored before they were encrypted stay readable, but a database backup made back then holds them
/// in plaintext: anyone with it could still mint cookies. At start, such keys are revoked (a new,
/// encrypted key takes over), so everyone signs in once more after the upgrade (ADR 0019).
/// </summary>
public static class PlaintextKeys
{
    public static async Task RevokeAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<NestPortalDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        var plaintext = keys.Where(xml => xml is not null && IsPlaintext(xml)).Select(xml => (Guid?)Guid.Parse(XElement.Parse(xml!).Attribute("id")!.Value)).ToList();
        if (plaintext.Count == 0) return;

        var manager = services.GetRequiredService<IKeyManager>();
        var revoked = manager.GetAllKeys().Where(k => !k.IsRevoked && plaintext.Contains(k.KeyId)).ToList();
        if (revoked.Count == 0) return;
        foreach (var key in revoked) manager.RevokeKey(key.KeyId, "Stored unencrypted; replaced by an encrypted key.");
        logger.LogWarning("Revoked {Count} data-protection keys stored unencrypted; everyone signs in again once", revoked.Count);
    }

    /// <summary>A key element whose descriptor carries the master key itself rather than an encrypted secret.</summary>
    internal static bool IsPlaintext(string xml)
    {
        var element = XElement.Parse(xml);
        return element.Name.LocalName == "key" && element.Descendants().Any(e => e.Name.LocalName == "masterKey");
    }
}
