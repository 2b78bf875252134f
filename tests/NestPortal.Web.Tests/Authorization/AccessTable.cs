using NestPortal.Web.Authorization;
using static NestPortal.Web.Tests.Authorization.Outcome;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>Who may open which page: the one table the authorization matrix and the accessibility sweep read.</summary>
public static class AccessTable
{
    public const string Anonymous = "Anonymous";

    public static readonly string[] Callers = [Anonymous, Roles.Mentor, Roles.CompetenceCentre, Roles.Municipality, Roles.Administrator];

    //                                             Anonymous  Mentor     KfI        Municipality Administrator
    public static readonly Dictionary<string, Outcome[]> Expected = new()
    {
        ["/Index"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Error"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/DataSources"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Culture"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Legal/Privacy"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Legal/Imprint"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Legal/Accessibility"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Login"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/LoginWith2fa"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/LoginWithRecoveryCode"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Logout"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Lockout"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Register"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/RegisterConfirmation"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ConfirmEmail"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ForgotPassword"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/SetPassword"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ResendConfirmation"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ConfirmEmailChange"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Manage/TwoFactor"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Groups/Index"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Create"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Details"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Edit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Submit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Add"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Edit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Remove"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        // The invitation link is public (it explains what to do); the details only to the member; staff are never members (ADR 0028)
        ["/Groups/Members/Confirm"] = [Allowed, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Review/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Review/Details"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/MyMunicipality/Index"] = [Login, Forbidden, Forbidden, Allowed, Forbidden],
        ["/Admin/Users/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Invite"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Details"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Deactivate"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Role"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/ResetTwoFactor"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Delete"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/RuleSets"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Households and persons
        ["/Households/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Create"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Details"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Edit"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Leave"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Persons/Add"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Persons/Edit"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Persons/Remove"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Households/Persons/Leave"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],

        // Matching, sponsorships and allocations
        ["/Sponsorships/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Sponsorships/Create"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Sponsorships/Details"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Allocations/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Allocations/Create"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Allocations/Print"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Groups/Household"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],

        // The municipality's portal and the audit log (ADR 0006)
        ["/MyMunicipality/Household"] = [Login, Forbidden, Forbidden, Allowed, Forbidden],
        ["/Admin/Audit"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Escrow accounts for staff (ADR 0007)
        ["/Escrow/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Account"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Deposit"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Correct"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],

        // Escrow bookings and the group's statement (ADR 0007)
        ["/Escrow/PayRent"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Refund"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/RentChange"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Groups/Statement"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],

        // Bank statements and reconciliation (ADR 0025): staff for any account, a main contact for the group's own
        ["/Escrow/Reconciliation"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Upload"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Escrow/Payee"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Groups/BankStatement"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],

        // Member departures and dissolution (docs/domain.md#early-departures)
        ["/Groups/Members/Leave"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/MainContact"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Review/Dissolve"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],

        // Rent runs (docs/domain.md#life-of-a-sponsorship)
        ["/Admin/RentRuns/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/RentRuns/Details"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Rule sets (docs/domain.md#rule-sets-by-period)
        ["/Admin/RuleSets/Create"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/RuleSets/Edit"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/RuleSets/End"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // The yearly report and its exports (ADR 0008)
        // exports
        ["/Reports/Export"] = [Login, Forbidden, Allowed, Forbidden, Allowed],
        ["/Reports/Index"] = [Login, Forbidden, Allowed, Forbidden, Allowed],
        ["/Reports/Answers"] = [Login, Forbidden, Allowed, Forbidden, Allowed],
        ["/Reports/Print"] = [Login, Forbidden, Allowed, Forbidden, Allowed],
        ["/Reports/Table"] = [Login, Forbidden, Allowed, Forbidden, Allowed],

        // Outreach log and Sicherer Hafen (docs/report-definitions.md#outreach)
        ["/Outreach/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Outreach/Create"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Outreach/Edit"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Outreach/Delete"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipalities/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipalities/Details"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipalities/SafeHarbour"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipalities/Address"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipalities/AddressImport"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],

        // Import of existing records (ADR 0009)
        ["/Admin/Import/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Import/Details"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Import/Format"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Background jobs (Quartz): schedules, executions, "Jetzt ausführen"
        ["/Admin/Jobs/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // The outbox: waiting, failed and sent mails (never their bodies), "Erneut senden" (ADR 0026)
        ["/Admin/Mails/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Mails/SendAgain"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Messages in the portal: each signed-in person's own, the competence centre's shared list for its staff (ADR 0026)
        ["/Messages/Index"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Messages/Details"] = [Login, Allowed, Allowed, Allowed, Allowed],

        // Retention: what is due for erasure, and the erasure
        ["/Admin/Retention/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],

        // Access requests (GDPR Art. 15): staff answer for refugees and members; administrators see no refugee
        // data; a mentor downloads only their own
        ["/Households/Persons/Access"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Review/Members/Access"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Account/Manage/Index"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Manage/ChangePassword"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Manage/ChangeEmail"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Manage/MyData"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Account/Manage/Delete"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],

        // Documents on records (ADR 0024): any signed-in caller reaches the pages; the record's scope decides,
        // and outside it the answer is 404 (municipalities, administrators, other groups' mentors; requests: staff only)
        ["/Documents/Upload"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Documents/Download"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Documents/Delete"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Documents/Request"] = [Login, Allowed, Allowed, Allowed, Allowed],

    };


    public static Outcome For(string page, string caller) => Expected[page][Array.IndexOf(Callers, caller)];
}
