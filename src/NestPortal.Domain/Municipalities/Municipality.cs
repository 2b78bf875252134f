using NestPortal.Domain.Common;

namespace NestPortal.Domain.Municipalities;

/// <summary>A municipality (Gemeinde) of NRW as listed in the Destatis register.</summary>
public sealed class Municipality
{
    public Ags Ags { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Kind { get; private set; } = string.Empty;
    public string District { get; private set; } = string.Empty;
    public string AdministrativeRegion { get; private set; } = string.Empty;
    public string Postcode { get; private set; } = string.Empty;
    public int Population { get; private set; }

    /// <summary>
    /// The date of the council decision by which the municipality declared itself a "Sicherer Hafen"
    /// (Seebrücke movement, since 2018); null when it has not. Kept by staff, not by the register.
    /// </summary>
    public DateOnly? SafeHarbourDeclaredOn { get; private set; }

    /// <summary>Where letters to the municipality's administration go; null until the competence centre records it.</summary>
    public AdministrationAddress? AdministrationAddress { get; private set; }

    /// <summary>
    /// The administration's functional mailbox (e.g. the foreigners' office); optional. The web layer
    /// checks it with the portal's mail-address rules before it gets here.
    /// </summary>
    public string? FunctionalMailbox { get; private set; }

    public const int FunctionalMailboxMaxLength = 254;

    private Municipality()
    {
    }

    public Municipality(Ags ags, string name, string kind, string district, string administrativeRegion, string postcode, int population)
    {
        Ags = ags;
        UpdateFromRegister(name, kind, district, administrativeRegion, postcode, population);
    }

    /// <summary>Takes the register's current values; returns whether anything changed.</summary>
    public bool UpdateFromRegister(string name, string kind, string district, string administrativeRegion, string postcode, int population)
    {
        var changed = Name != name || Kind != kind || District != district
                      || AdministrativeRegion != administrativeRegion || Postcode != postcode || Population != population;
        Name = name;
        Kind = kind;
        District = district;
        AdministrativeRegion = administrativeRegion;
        Postcode = postcode;
        Population = population;
        return changed;
    }

    /// <summary>Records (or, with null, removes) the administration's postal address and functional mailbox.</summary>
    public void RecordAdministrationContact(AdministrationAddress? address, string? functionalMailbox)
    {
        var mailbox = string.IsNullOrWhiteSpace(functionalMailbox) ? null : functionalMailbox.Trim();
        if (mailbox is { Length: > FunctionalMailboxMaxLength } || (mailbox is not null && !mailbox.Contains('@')))
            throw new DomainException("Das Funktionspostfach muss eine E-Mail-Adresse sein (höchstens {0} Zeichen).", FunctionalMailboxMaxLength);
        AdministrationAddress = address;
        FunctionalMailbox = mailbox;
    }

    /// <summary>The movement began in 2018; an earlier decision date is a typing error.</summary>
    public static readonly DateOnly SafeHarbourMovementStart = new(2018, 1, 1);

    /// <summary>Records (or, with null, withdraws) the council's Sicherer-Hafen decision.</summary>
    public void RecordSafeHarbourDecision(DateOnly? councilDecisionOn, DateOnly today)
    {
        if (councilDecisionOn is { } decided)
        {
            if (decided > today)
                throw new DomainException("Der Ratsbeschluss ({0:dd.MM.yyyy}) liegt in der Zukunft; tragen Sie ihn nach der Sitzung ein.", decided);
            if (decided < SafeHarbourMovementStart)
                throw new DomainException("Der Ratsbeschluss ({0:dd.MM.yyyy}) liegt vor 2018; Sichere Häfen gibt es erst seit 2018.", decided);
        }

        SafeHarbourDeclaredOn = councilDecisionOn;
    }

    /// <summary>Whether the municipality had declared itself a Sicherer Hafen by <paramref name="date"/>.</summary>
    public bool IsSafeHarbourOn(DateOnly date) => SafeHarbourDeclaredOn is { } decided && decided <= date;

    /// <summary>The label people search by: name and town-hall postcode.</summary>
    public string Label => $"{Name} ({Postcode})";
}
