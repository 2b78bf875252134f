using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Data.Operations;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Notifications;

/// <summary>
/// Tells people what happened: for each recipient a message in their list in the portal and, where the
/// account's address is confirmed, a mail in the outbox, both in the recipient's language. Nothing is
/// saved here: the caller's SaveChanges writes the notice with the change it reports (one transaction),
/// so a notice is never sent for a change that was rolled back nor lost with one that was saved.
/// Each event reaches each recipient once (<see cref="Notice.Key"/>): triggering it again adds nothing.
/// </summary>
public sealed class Notifier(
    NestPortalDbContext db,
    IStringLocalizer<SharedResource> l,
    IOptions<PortalOptions> portal,
    IHostEnvironment environment,
    IHttpContextAccessor http,
    TimeProvider time)
{
    private const string German = "de-DE";

    /// <summary>To these accounts (deactivated ones are skipped).</summary>
    public async Task ToUsersAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0) return;
        var ids = userIds.Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id) && u.DeactivatedAtUtc == null)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var already = await ExistingRecipientsAsync(ids, notice.Key, cancellationToken);
        foreach (var user in users.Where(u => !already.Contains(u.Id)))
        {
            var text = WriteIn(user.PreferredCulture, notice);
            Add(user.Id, notice.Key, text);
            if (user.EmailConfirmed && user.Email is not null) await QueueMailAsync(user.Email, user.PreferredCulture, notice.Key, text, cancellationToken);
        }
    }

    /// <summary>To the competence centre: its shared list, which all its staff see, and its functional mailbox (in German).</summary>
    public async Task ToCompetenceCentreAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        var already = await ExistingRecipientsAsync([PortalMessage.CompetenceCentre], notice.Key, cancellationToken);
        if (already.Count > 0) return;
        var text = WriteIn(German, notice);
        Add(PortalMessage.CompetenceCentre, notice.Key, text);
        await QueueMailAsync(portal.Value.CompetenceCentreMailbox, German, notice.Key, text, cancellationToken);
    }

    /// <summary>
    /// To the staff accounts of a municipality. A municipality without an account in the portal: the
    /// competence centre gets the notice, marked to be passed on, so it never goes nowhere.
    /// </summary>
    public async Task ToMunicipalityAsync(Ags municipality, Notice notice, CancellationToken cancellationToken = default)
    {
        var staff = await UsersInRole(Roles.Municipality).Where(u => u.MunicipalityAgs == municipality).Select(u => u.Id).ToListAsync(cancellationToken);
        if (staff.Count > 0)
        {
            await ToUsersAsync(staff, notice, cancellationToken);
            return;
        }

        var name = await db.Municipalities.Where(m => m.Ags == municipality).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? municipality.Value;
        await ToCompetenceCentreAsync(notice with
        {
            Write = localizer =>
            {
                var text = notice.Write(localizer);
                return text with { Paragraphs = [localizer["{0} hat kein Konto im NestPortal; bitte leiten Sie diese Nachricht weiter.", name].Value, .. text.Paragraphs] };
            },
        }, cancellationToken);
    }

    /// <summary>
    /// To the group's active main contacts: to their accounts, and by mail alone to a main contact who has
    /// no account yet (an address the group typed in).
    /// </summary>
    public Task ToGroupContactsAsync(int groupId, Notice notice, CancellationToken cancellationToken = default) =>
        ToGroupMembersAsync(groupId, notice, mainContactsOnly: true, cancellationToken);

    /// <summary>To every active member of the group, as <see cref="ToGroupContactsAsync"/> does for the main contacts.</summary>
    public Task ToGroupAsync(int groupId, Notice notice, CancellationToken cancellationToken = default) =>
        ToGroupMembersAsync(groupId, notice, mainContactsOnly: false, cancellationToken);

    /// <summary>A mail to an address without an account (a member invited by the main contact): no message list to put it in.</summary>
    public async Task ToAddressAsync(string email, string? culture, Notice notice, CancellationToken cancellationToken = default) =>
        await QueueMailAsync(email, culture, notice.Key, WriteIn(culture, notice), cancellationToken);

    private async Task ToGroupMembersAsync(int groupId, Notice notice, bool mainContactsOnly, CancellationToken cancellationToken)
    {
        var addresses = await db.MentoringGroups.Where(g => g.Id == groupId)
            .SelectMany(g => g.Members)
            .Where(m => m.LeftOn == null && m.ErasedOn == null && (!mainContactsOnly || m.IsMainContact))
            .Select(m => m.Email).Distinct().ToListAsync(cancellationToken);
        // A departure saved together with this notice (the notice about it): the member who leaves is no longer of the group.
        var leaving = db.ChangeTracker.Entries<Domain.MentoringGroups.Mentor>()
            .Where(e => e.Entity.LeftOn != null || e.Entity.ErasedOn != null).Select(e => e.Entity.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        addresses = addresses.Where(a => !leaving.Contains(a)).ToList();
        if (addresses.Count == 0) return;
        var normalised = addresses.Select(a => a.ToUpperInvariant()).ToList();
        var accounts = await db.Users.Where(u => u.NormalizedEmail != null && normalised.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
        await ToUsersAsync(accounts.Select(a => a.Id).ToList(), notice, cancellationToken);
        foreach (var address in addresses.Where(a => accounts.All(u => u.NormalizedEmail != a.ToUpperInvariant())))
            await ToAddressAsync(address, German, notice, cancellationToken);
    }

    private IQueryable<Data.Identity.PortalUser> UsersInRole(string role)
    {
        var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        return db.Users.Where(u => u.DeactivatedAtUtc == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    private async Task<HashSet<string>> ExistingRecipientsAsync(IReadOnlyCollection<string> recipients, string key, CancellationToken cancellationToken)
    {
        var stored = await db.PortalMessages.Where(m => m.EventKey == key && recipients.Contains(m.RecipientKey))
            .Select(m => m.RecipientKey).ToListAsync(cancellationToken);
        // Only these recipients: the same event queued a moment ago for others (the group, then the centre) must not stop it here.
        var pending = db.PortalMessages.Local.Where(m => m.EventKey == key && recipients.Contains(m.RecipientKey)).Select(m => m.RecipientKey);
        return [.. stored, .. pending];
    }

    private void Add(string recipient, string key, NoticeText text) =>
        db.PortalMessages.Add(new PortalMessage(recipient, key, text.Subject, string.Join("\n\n", text.Paragraphs), text.LinkPath, text.LinkLabel, time.UtcNow()));

    private async Task QueueMailAsync(string to, string? culture, string key, NoticeText text, CancellationToken cancellationToken)
    {
        if (db.OutgoingMails.Local.Any(m => m.EventKey == key && m.To == to)
            || await db.OutgoingMails.AnyAsync(m => m.EventKey == key && m.To == to, cancellationToken)) return;
        var (plain, html) = InCulture(culture, () => NoticeMail.Compose(l, text, BaseUrl()));
        db.OutgoingMails.Add(new OutgoingMail(to, text.Subject, plain, html, time.UtcNow(), key));
    }

    private NoticeText WriteIn(string? culture, Notice notice) => InCulture(culture, () => notice.Write(l));

    /// <summary>Resource look-ups follow the thread's UI culture; the reader's language is set around the writing and restored.</summary>
    private static T InCulture<T>(string? culture, Func<T> write)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var reader = Startup.ServiceRegistration.SupportedCultures.FirstOrDefault(c => c.Name == culture) ?? Startup.ServiceRegistration.SupportedCultures[0];
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = reader;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formatting;
        }
    }

    /// <summary>
    /// Links in mails start at the configured public address (required in Production); elsewhere, the
    /// current request's own address, or localhost for background work.
    /// </summary>
    private Uri BaseUrl()
    {
        if (portal.Value.PublicBaseUrl is { } configured) return configured;
        if (environment.IsProduction()) throw new InvalidOperationException("Portal:PublicBaseUrl must be set in Production: mailed links are built from it.");
        var request = http.HttpContext?.Request;
        return request is null ? new Uri("http://localhost/") : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
