using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Counts the portal's password hashing (PBKDF2, the expensive step), so a test can show that two
/// answers cost the same work without measuring time. Every test factory registers it.
/// </summary>
public sealed class PasswordHashes
{
    private int _hashed;
    private int _verified;

    public int Hashed => Volatile.Read(ref _hashed);
    public int Verified => Volatile.Read(ref _verified);

    /// <summary>Hashes and verifications together: each is one PBKDF2 run.</summary>
    public int Computed => Hashed + Verified;

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<PasswordHashes>();
        services.AddScoped<IPasswordHasher<PortalUser>>(sp => new Counting(
            new PasswordHasher<PortalUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), sp.GetRequiredService<PasswordHashes>()));
    }

    private sealed class Counting(IPasswordHasher<PortalUser> inner, PasswordHashes counts) : IPasswordHasher<PortalUser>
    {
        public string HashPassword(PortalUser user, string password)
        {
            Interlocked.Increment(ref counts._hashed);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counts._verified);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
