namespace NestPortal.Web.Legal;

/// <summary>
/// Who runs the portal, as the Impressum, the privacy notice and the accessibility statement name them
/// (configuration section <c>Operator</c>). The defaults are plausible for Bezirksregierung Arnsberg;
/// the operator sets the real contacts in its configuration.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The authority and the unit that runs the portal.</summary>
    public string Name { get; set; } = "Bezirksregierung Arnsberg – Kompetenzzentrum für Integration";

    public string Street { get; set; } = "Seibertzstraße 1";
    public string PostalCode { get; set; } = "59821";
    public string City { get; set; } = "Arnsberg";
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Who represents the authority (Impressum, § 5 DDG).</summary>
    public string? RepresentedBy { get; set; }

    /// <summary>Responsible for the content (§ 18 Abs. 2 MStV): a name and, if it differs, an address.</summary>
    public string? ContentResponsible { get; set; }

    /// <summary>VAT or other identification number; shown only when set.</summary>
    public string? VatId { get; set; }

    /// <summary>The competence centre's mailbox that receives the accessibility feedback form.</summary>
    public string FeedbackMailbox { get; set; } = "kfi@nestportal.invalid";

    /// <summary>The day the accessibility statement was made or last reviewed.</summary>
    public DateOnly AccessibilityStatementDate { get; set; } = new(2026, 1, 15);

    public Contact DataProtectionOfficer { get; set; } = new();

    /// <summary>The supervisory authority for data protection (Landesbeauftragte für Datenschutz und Informationsfreiheit NRW).</summary>
    public Contact SupervisoryAuthority { get; set; } = new();

    /// <summary>The accessibility enforcement body (Ombudsstelle für barrierefreie Informationstechnik NRW).</summary>
    public Contact EnforcementBody { get; set; } = new();

    /// <summary>The operator itself as a contact, for the same address block as the others.</summary>
    public Contact AsContact() => new()
    {
        Name = Name, Street = Street, PostalCode = PostalCode, City = City, Phone = Phone, Email = Email,
    };

    /// <summary>A person or body the legal pages name with its contact; empty parts are left out.</summary>
    public sealed class Contact
    {
        public string Name { get; set; } = string.Empty;
        public string? Street { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public Uri? Website { get; set; }
    }
}
