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

    /// <summary>The label people search by: name and town-hall postcode.</summary>
    public string Label => $"{Name} ({Postcode})";
}
