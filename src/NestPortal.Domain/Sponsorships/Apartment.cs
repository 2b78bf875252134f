using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Sponsorships;

/// <summary>The flat the group provides (Wohnung): where it is, how big, and its monthly net cold rent.</summary>
public sealed record Apartment
{
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;

    public string Street { get; private init; } = string.Empty;
    public string PostalCode { get; private init; } = string.Empty;
    public string City { get; private init; } = string.Empty;
    public Ags MunicipalityAgs { get; private init; }
    public decimal LivingSpaceSquareMetres { get; private init; }
    public decimal Rooms { get; private init; }
    public decimal MonthlyNetColdRent { get; private init; }
    public DateOnly LeaseStart { get; private init; }

    /// <summary>The group provides a flat it owns itself: then no rent is paid (rule set's rent months with an owned flat).</summary>
    public bool OwnedByGroup { get; private init; }

    private Apartment()
    {
    }

    public static Apartment Create(string street, string postalCode, string city, Ags municipality, decimal livingSpace,
        decimal rooms, decimal monthlyNetColdRent, DateOnly leaseStart, bool ownedByGroup, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(street) || street.Trim().Length > StreetMaxLength)
            errors.Add(new DomainError("Bitte geben Sie Straße und Hausnummer an (höchstens {0} Zeichen).", StreetMaxLength));
        if (postalCode?.Trim() is not { Length: 5 } plz || !plz.All(char.IsAsciiDigit))
            errors.Add(new DomainError("Die Postleitzahl muss aus fünf Ziffern bestehen."));
        if (string.IsNullOrWhiteSpace(city) || city.Trim().Length > CityMaxLength)
            errors.Add(new DomainError("Bitte geben Sie den Ort an (höchstens {0} Zeichen).", CityMaxLength));
        if (livingSpace <= 0 || livingSpace > 1000)
            errors.Add(new DomainError("Die Wohnfläche muss größer als 0 m² sein (höchstens 1000 m²)."));
        else if (decimal.Round(livingSpace, 2) != livingSpace)
            errors.Add(new DomainError("Die Wohnfläche darf höchstens zwei Nachkommastellen haben."));
        if (rooms <= 0 || rooms > 50 || decimal.Round(rooms * 2) != rooms * 2)
            errors.Add(new DomainError("Die Zimmerzahl muss größer als 0 sein, in halben Zimmern (z. B. 2,5)."));
        if (!ownedByGroup && Euro.CheckPositive(monthlyNetColdRent, "Die monatliche Nettokaltmiete") is { } rentError)
            errors.Add(rentError);
        if (ownedByGroup && monthlyNetColdRent != 0)
            errors.Add(new DomainError("Für eine Wohnung im Eigentum der Gruppe wird keine Miete gezahlt; die Nettokaltmiete ist 0 €."));
        if (leaseStart < today.AddYears(-10) || leaseStart > today.AddYears(2))
            errors.Add(new DomainError("Der Mietbeginn ({0:dd.MM.yyyy}) ist nicht plausibel.", leaseStart));
        if (errors.Count > 0) throw new DomainException(errors);

        return new Apartment
        {
            Street = street.Trim(),
            PostalCode = postalCode!.Trim(),
            City = city.Trim(),
            MunicipalityAgs = municipality,
            LivingSpaceSquareMetres = livingSpace,
            Rooms = rooms,
            MonthlyNetColdRent = monthlyNetColdRent,
            LeaseStart = leaseStart,
            OwnedByGroup = ownedByGroup,
        };
    }

    public string Address => Street.Length == 0 ? $"{PostalCode} {City}" : $"{Street}, {PostalCode} {City}";

    /// <summary>The flat without its street (retention): postcode, place and the figures remain.</summary>
    internal Apartment WithoutStreet() => this with { Street = string.Empty };
}
