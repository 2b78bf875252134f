using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.RentRuns;

/// <summary>
/// Tells the municipality 90 days ahead that rent from the escrow account ends, so its benefits office
/// can take over the housing costs in time. The notice (a message in the portal and a mail to each of the
/// municipality's accounts; to the competence centre to pass on when it has none) is queued and the
/// sponsorship marked as notified in the same save as the run's bookings, so it goes out once; its key
/// names the sponsorship and the rent's last day, so even a run that lost the mark sends nothing twice.
/// </summary>
public sealed class RentEndNotices(Notifier notifier)
{
    public const int DaysAhead = 90;

    /// <summary>Queues the notice to the household's municipality (where it is allocated, else where the flat is) and marks it sent.</summary>
    public async Task QueueAsync(Sponsorship sponsorship, Household household, DateOnly today, CancellationToken cancellationToken)
    {
        var municipality = household.AllocatedMunicipalityAgs ?? sponsorship.Apartment.MunicipalityAgs;
        var link = household.AllocatedMunicipalityAgs is null ? "/MyMunicipality" : $"/MyMunicipality/Households/{household.Id}";
        await notifier.ToMunicipalityAsync(municipality, Notice(sponsorship.Id, household.Reference, sponsorship.Apartment.Address, sponsorship.RentEndsOn!.Value, link),
            cancellationToken);
        sponsorship.MarkRentEndNoticeSent(today);
    }

    public static Notice Notice(int sponsorshipId, string reference, string address, DateOnly ends, string linkPath) =>
        new($"rent-ending:{sponsorshipId}:{ends:yyyy-MM-dd}", l => new NoticeText(
            l["Mietzahlung aus dem Mietkonto endet am {0:dd.MM.yyyy} (Familie {1})", ends, reference],
            [
                l["Für die Familie {0} (Wohnung {1}) zahlt das Mietkonto der Mentoring-Gruppe die Nettokaltmiete bis zum {2:dd.MM.yyyy}. Danach endet die Zahlung aus dem Mietkonto. Bitte sorgen Sie dafür, dass die zuständige Leistungsbehörde (Jobcenter oder Sozialamt) die Kosten der Unterkunft ab dem {3:dd.MM.yyyy} übernimmt.",
                    reference, address, ends, ends.AddDays(1)].Value,
                l["Diese Nachricht wurde vom monatlichen Mietlauf des NestPortals erstellt."].Value,
            ],
            linkPath, l["Familie öffnen"]));
}
