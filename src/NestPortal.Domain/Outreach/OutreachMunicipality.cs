using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Outreach;

/// <summary>
/// A municipality an outreach event was addressed to. <see cref="Informed"/> says it was actually
/// reached (attended, answered, received the letter); invited-only municipalities count as invited.
/// </summary>
public sealed class OutreachMunicipality
{
    public int Id { get; private set; }
    public int OutreachEventId { get; private set; }
    public Ags MunicipalityAgs { get; private set; }
    public bool Informed { get; private set; }

    private OutreachMunicipality()
    {
    }

    internal OutreachMunicipality(Ags municipalityAgs, bool informed)
    {
        MunicipalityAgs = municipalityAgs;
        Informed = informed;
    }

    internal void SetInformed(bool informed) => Informed = informed;
}
