namespace NestPortal.Web.Infrastructure;

public sealed class PortalOptions
{
    /// <summary>
    /// The address people reach the portal at (https://nest.example.nrw.de). Links in mails are built
    /// from it, never from the request's Host header, which a client chooses. Required in Production.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The competence centre's shared mailbox: staff notices (an escrow shortfall) go there, not to each clerk.</summary>
    public string CompetenceCentreMailbox { get; set; } = "kfi@nestportal.invalid";
}
