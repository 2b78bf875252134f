using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure.RateLimits;

namespace NestPortal.Web.Notifications;

/// <summary>
/// After a successful sign-in: if sign-ins to the account were locked from some address within the last
/// day (<see cref="SignInFailures"/>), the owner is told, so a guessed password does not go unnoticed.
/// </summary>
public sealed class LockNotice(SignInFailures failures, Notifier notifier, NestPortalDbContext db, TimeProvider time)
{
    /// <param name="accountKeys">The keys the failures were counted under (password, second factor).</param>
    public async Task AfterSignInAsync(PortalUser user, params string[] accountKeys)
    {
        var locks = accountKeys.Select(failures.TakeRecentLock).Where(at => at is not null).Select(at => at!.Value).ToList();
        if (locks.Count == 0) return;
        await notifier.ToUsersAsync([user.Id], SecurityNotices.SignInAfterLockout(user.Id, locks.Max().UtcDateTime, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }
}
