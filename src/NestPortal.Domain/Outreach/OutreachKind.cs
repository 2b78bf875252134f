namespace NestPortal.Domain.Outreach;

/// <summary>How the competence centre reached municipalities (KA 5514, answer 5).</summary>
public enum OutreachKind
{
    /// <summary>A conference or information event (Fachtag, Informationsveranstaltung).</summary>
    Conference,

    /// <summary>Printed material: letters, flyers, brochures.</summary>
    Print,

    /// <summary>Web pages, newsletters, online seminars.</summary>
    Web,

    /// <summary>A meeting with one or a few municipalities.</summary>
    Meeting,
}
