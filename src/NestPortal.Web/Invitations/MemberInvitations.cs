using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Invitations;

/// <summary>
/// Invites a member to confirm their own details (ADR 0028): a random token for the link, of which only the
/// SHA-256 hash is kept on the member, and the invitation's mail. Nothing is saved here: the page records the
/// hash with <see cref="MentoringGroup.InviteMember"/> and saves both in one SaveChanges.
/// </summary>
public sealed class MemberInvitations(NestPortalDbContext db, Notifier notifier, IOptions<GroupsOptions> options)
{
    public const string ConfirmPage = "/Groups/Members/Confirm";

    public TimeSpan Validity => options.Value.InvitationValidity;

    /// <summary>The hash a token is stored and found by.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>
    /// Queues the invitation of <paramref name="member"/> issued at <paramref name="issuedAtUtc"/> and returns
    /// the hash of its token. A person who already has an account with that confirmed address gets it as a
    /// portal message and mail with a link to their own details (they sign in anyway; the message list keeps
    /// its links in clear, so no token goes there); anyone else a mail with the token link.
    /// </summary>
    public async Task<string> QueueAsync(MentoringGroup group, Mentor member, string inviterName, DateTime issuedAtUtc,
        CancellationToken cancellationToken = default)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        // One event per member and issue: re-sending is a new event, the same save triggered twice is not.
        var key = $"member-invitation:{member.Id}:{issuedAtUtc.Ticks}";
        var validUntil = Infrastructure.Clock.DayInGermany(issuedAtUtc + Validity);
        var groupName = group.Name;
        var normalised = member.Email.ToUpperInvariant();
        var account = await db.Users
            .Where(u => u.NormalizedEmail == normalised && u.EmailConfirmed && u.DeactivatedAtUtc == null)
            .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var link = account is null
            ? $"{ConfirmPage}?token={token}"
            : $"{ConfirmPage}?id={group.Id}";
        // The mail names the group and who invited; no other member's data.
        var notice = new Notice(key, l => new NoticeText(
            l["Einladung in die Mentorengruppe „{0}“", groupName],
            [
                l["{0} hat Sie als Mitglied der Mentorengruppe „{1}“ im NestPortal eingetragen.", inviterName, groupName],
                account is null
                    ? l["Bitte prüfen und bestätigen Sie Ihre Angaben. Legen Sie dazu mit dieser E-Mail-Adresse ein Konto an, oder melden Sie sich mit Ihrem Konto für diese Adresse an. Die Gruppe kann erst eingereicht werden, wenn alle Mitglieder ihre Angaben bestätigt haben."]
                    : l["Bitte melden Sie sich an und prüfen und bestätigen Sie Ihre Angaben. Die Gruppe kann erst eingereicht werden, wenn alle Mitglieder ihre Angaben bestätigt haben."],
                account is null
                    ? l["Der Link gilt bis zum {0:dd.MM.yyyy}. Ist er abgelaufen, bitten Sie die Gruppe, Ihnen die Einladung erneut zu senden.", validUntil]
                    : l["Wenn Sie nicht zu dieser Gruppe gehören, antworten Sie bitte der Gruppe oder dem Kompetenzzentrum."],
            ],
            link,
            l["Meine Angaben bestätigen"]));
        if (account is not null) await notifier.ToUsersAsync([account], notice, cancellationToken);
        else await notifier.ToAddressAsync(member.Email, null, notice, cancellationToken);
        return Hash(token);
    }

    /// <summary>The member whose current, unexpired invitation <paramref name="token"/> is, or null (unknown, used, expired alike).</summary>
    public async Task<(int GroupId, int MemberId, string Email)?> FindAsync(string? token, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var found = await db.MentoringGroups.AsNoTracking()
            .SelectMany(g => g.Members.Where(m => m.InvitationTokenHash == hash), (g, m) => new { GroupId = g.Id, Member = m })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !found.Member.HoldsInvitation(hash, nowUtc, Validity)) return null;
        return (found.GroupId, found.Member.Id, found.Member.Email);
    }
}
