using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Mail;

namespace NestPortal.Web.RentRuns;

/// <summary>
/// Tells the municipality 90 days ahead that rent from the escrow account ends, so its benefits office
/// can take over the housing costs in time. The mail is queued in the outbox and the sponsorship marked
/// as notified in the same save as the run's bookings, so it goes out once. It is written in German:
/// it goes to German authorities from a background job that has no reader's language to follow.
/// </summary>
public sealed class RentEndNotices(NestPortalDbContext db, IOptions<PortalOptions> options)
{
    public const int DaysAhead = 90;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The confirmed addresses of the Municipality accounts, by the municipality they are bound to.</summary>
    public sealed record Recipients(IReadOnlyDictionary<Ags, IReadOnlyList<string>> ByMunicipality);

    /// <summary>Read once per run: there are a few hundred municipality accounts at most.</summary>
    public async Task<Recipients> RecipientsAsync(CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.Municipality).Select(r => r.Id);
        var users = await db.Users
            .Where(u => u.MunicipalityAgs != null && u.Email != null && u.EmailConfirmed
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { Ags = u.MunicipalityAgs!.Value, Email = u.Email! })
            .ToListAsync(cancellationToken);
        return new Recipients(users.GroupBy(u => u.Ags)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList()));
    }

    /// <summary>
    /// Queues the notice to the household's municipality (where it is allocated, else where the flat is)
    /// and marks it sent. A municipality without an account in the portal: the competence centre gets it to pass on.
    /// </summary>
    public void Queue(Sponsorship sponsorship, Household household, Recipients recipients, DateOnly today, DateTime nowUtc)
    {
        var ends = sponsorship.RentEndsOn!.Value;
        var municipality = household.AllocatedMunicipalityAgs ?? sponsorship.Apartment.MunicipalityAgs;
        var subject = string.Format(German, "Mietzahlung aus dem Mietkonto endet am {0:dd.MM.yyyy} (Familie {1})", ends, household.Reference);
        var body = string.Format(German,
            "<p>Guten Tag,</p>"
            + "<p>für die Familie {0} (Wohnung {1}) zahlt das Mietkonto der Mentoring-Gruppe die Nettokaltmiete bis zum {2:dd.MM.yyyy}. "
            + "Danach endet die Zahlung aus dem Mietkonto. Bitte sorgen Sie dafür, dass die zuständige Leistungsbehörde "
            + "(Jobcenter oder Sozialamt) die Kosten der Unterkunft ab dem {3:dd.MM.yyyy} übernimmt.</p>"
            + "<p>Die Familie finden Sie im NestPortal in der Übersicht Ihrer Kommune.</p>"
            + "<p>Diese Nachricht wurde vom monatlichen Mietlauf des NestPortals erstellt.</p>",
            WebUtility.HtmlEncode(household.Reference), WebUtility.HtmlEncode(sponsorship.Apartment.Address), ends, ends.AddDays(1));

        if (recipients.ByMunicipality.TryGetValue(municipality, out var addresses) && addresses.Count > 0)
        {
            foreach (var address in addresses) db.QueueMail(address, subject, body, nowUtc);
        }
        else
        {
            var forward = string.Format(German, "<p><strong>Die Kommune (AGS {0}) hat kein Konto im NestPortal; bitte leiten Sie diese Nachricht weiter.</strong></p>",
                municipality.Value);
            db.QueueMail(options.Value.CompetenceCentreMailbox, subject, forward + body, nowUtc);
        }

        sponsorship.MarkRentEndNoticeSent(today);
    }
}
