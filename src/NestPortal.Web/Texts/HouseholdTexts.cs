using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Texts;

/// <summary>The words people see for a household's states, its persons and their departures.</summary>
public static class HouseholdTexts
{
    public static string Status(IStringLocalizer l, HouseholdStatus status) => status switch
    {
        HouseholdStatus.Recorded => l["Erfasst, wartet auf Vermittlung"],
        HouseholdStatus.Matched => l["Vermittelt, wartet auf Zuweisung"],
        HouseholdStatus.Allocated => l["Zugewiesen"],
        HouseholdStatus.Arrived => l["Eingereist"],
        HouseholdStatus.Left => l["Ausgeschieden"],
        _ => status.ToString(),
    };

    public static string StatusCss(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Arrived => "kern-badge--success",
        HouseholdStatus.Allocated => "kern-badge--info",
        HouseholdStatus.Matched => "kern-badge--info",
        HouseholdStatus.Left => "np-badge--neutral",
        _ => "np-badge--neutral",
    };

    public static string Sex(IStringLocalizer l, Sex sex) => sex switch
    {
        Domain.Households.Sex.Female => l["weiblich"],
        Domain.Households.Sex.Male => l["männlich"],
        Domain.Households.Sex.Diverse => l["divers"],
        _ => l["ohne Angabe"],
    };

    public static string DepartureReason(IStringLocalizer l, DepartureReason reason) => reason switch
    {
        Domain.Households.DepartureReason.MovedAway => l["Umzug"],
        Domain.Households.DepartureReason.OwnWish => l["Auf eigenen Wunsch"],
        Domain.Households.DepartureReason.Conflict => l["Konflikt mit der Gruppe"],
        Domain.Households.DepartureReason.LeftGermany => l["Ausreise aus Deutschland"],
        Domain.Households.DepartureReason.Deceased => l["Verstorben"],
        _ => l["Sonstiges"],
    };
}
