using NestPortal.Web.Texts;

namespace NestPortal.Web.Notifications;

/// <summary>
/// What a household's sponsorship tells the municipality and the group: an arrival date set or changed,
/// rent no longer covered, support ending. The household is named by its reference only.
/// </summary>
/// <remarks>The keys name the new fact (the date, the missing amount), so a change is a new notice and the same fact again none.</remarks>
public static class SponsorshipNotices
{
    /// <param name="linkPath">The recipient's page of the household: the municipality's or the group's.</param>
    public static Notice ArrivalDate(int householdId, string reference, DateOnly expected, string linkPath) =>
        new($"arrival-date:{householdId}:{expected:yyyy-MM-dd}", l => new NoticeText(
            l["Erwartete Einreise am {0:dd.MM.yyyy} (Familie {1})", expected, reference],
            [l["Die Familie {0} wird voraussichtlich am {1:dd.MM.yyyy} einreisen. Das Kompetenzzentrum für Integration hat das Datum eingetragen oder geändert.", reference, expected].Value],
            linkPath, l["Familie öffnen"]));

    /// <summary>
    /// The escrow account no longer covers the rent still to pay. Keyed by the amount: a larger (or, after a
    /// deposit, a new) shortfall is told again, the same one not.
    /// </summary>
    /// <param name="monthsRemaining">The months still to pay, where the caller knows them (a rent change works them out; the reminder job does not read the ledger).</param>
    public static Notice Shortfall(int sponsorshipId, int groupId, string reference, decimal shortfall, int? monthsRemaining, RentChanged? cause = null) =>
        new($"shortfall:{sponsorshipId}:{shortfall.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", l => new NoticeText(
            l["Mietkonto der Familie {0}: Es fehlen {1}", reference, Infrastructure.DecimalInput.Euros(shortfall)],
            [
                .. cause is { } change
                    ? [l["Die monatliche Nettokaltmiete für die Familie {0} beträgt ab {1:MM/yyyy} {2}.", reference, change.Month, Infrastructure.DecimalInput.Euros(change.Rent)].Value]
                    : Array.Empty<string>(),
                monthsRemaining is { } months
                    ? l.Count(months,
                        "Das Mietkonto der Familie {0} deckt die verbleibende Miete nicht: Es fehlen {1} für den noch offenen Monat.",
                        "Das Mietkonto der Familie {0} deckt die verbleibende Miete nicht: Es fehlen {1} für die noch {2} offenen Monate.",
                        reference, Infrastructure.DecimalInput.Euros(shortfall), months)
                    : l["Das Mietkonto der Familie {0} deckt die Miete bis zum Ende nicht: Es fehlen {1}. Die Familie wird bald erwartet.", reference, Infrastructure.DecimalInput.Euros(shortfall)].Value,
                l["Bitte zahlen Sie den fehlenden Betrag auf das Mietkonto ein. Den Kontoauszug finden Sie im NestPortal bei Ihrer Gruppe."].Value,
            ],
            $"/Groups/Statement/{groupId}", l["Kontoauszug öffnen"]));

    /// <summary>A rent change that caused the shortfall: the month from which the new rent applies, and the rent.</summary>
    public sealed record RentChanged(DateOnly Month, decimal Rent);

    /// <summary>Support for the household ends within the reminder's days: once per sponsorship and end date.</summary>
    public static Notice SupportEnding(int sponsorshipId, int groupId, string reference, DateOnly endsOn) =>
        new($"support-ending:{sponsorshipId}:{endsOn:yyyy-MM-dd}", l => new NoticeText(
            l["Die Unterstützung der Familie {0} endet am {1:dd.MM.yyyy}", reference, endsOn],
            [l["Ihre Mentoring-Unterstützung für die Familie {0} endet am {1:dd.MM.yyyy}. Bitte besprechen Sie mit der Familie rechtzeitig, wie es danach weitergeht.", reference, endsOn].Value],
            $"/Groups/Household/{groupId}", l["Familie öffnen"]));
}
