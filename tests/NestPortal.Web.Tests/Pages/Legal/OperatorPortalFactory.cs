using Microsoft.AspNetCore.Hosting;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Legal;

/// <summary>
/// The portal with operator details of its own in the configuration (section <c>Operator</c>), so the
/// legal pages' tests see that what they show comes from the configuration, not from the code's defaults.
/// </summary>
public sealed class OperatorPortalFactory : PortalFactory
{
    public const string Name = "Testbezirksregierung Sauerland – Kompetenzzentrum für Integration";
    public const string Street = "Teststraße 7";
    public const string PostalCode = "59999";
    public const string City = "Testhausen";
    public const string Phone = "+49 2931 12345-0";
    public const string Email = "poststelle@operator.nestportal.invalid";
    public const string RepresentedBy = "Regierungspräsidentin Dr. Tessa Test";
    public const string ContentResponsible = "Leitung des Testkompetenzzentrums, Teststraße 7, 59999 Testhausen";
    public const string VatId = "DE000000000";
    public const string FeedbackMailbox = "barrierefreiheit@operator.nestportal.invalid";
    public const string StatementDate = "2026-02-27";
    public const string DpoName = "Dora Datenschutz";
    public const string DpoEmail = "datenschutz@operator.nestportal.invalid";
    public const string SupervisoryName = "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (Test)";
    public const string SupervisoryStreet = "Kavalleriestraße 2–4";
    public const string EnforcementName = "Ombudsstelle für barrierefreie Informationstechnik bei der Landesbeauftragten für Menschen mit Behinderung NRW (Test)";
    public const string EnforcementEmail = "ombudsstelle@operator.nestportal.invalid";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string>
        {
            ["Name"] = Name, ["Street"] = Street, ["PostalCode"] = PostalCode, ["City"] = City, ["Phone"] = Phone, ["Email"] = Email,
            ["RepresentedBy"] = RepresentedBy, ["ContentResponsible"] = ContentResponsible, ["VatId"] = VatId,
            ["FeedbackMailbox"] = FeedbackMailbox, ["AccessibilityStatementDate"] = StatementDate,
            ["DataProtectionOfficer:Name"] = DpoName, ["DataProtectionOfficer:Email"] = DpoEmail,
            ["SupervisoryAuthority:Name"] = SupervisoryName, ["SupervisoryAuthority:Street"] = SupervisoryStreet,
            ["EnforcementBody:Name"] = EnforcementName, ["EnforcementBody:Email"] = EnforcementEmail,
        };
        foreach (var (key, value) in settings) builder.UseSetting($"Operator:{key}", value);
    }
}
