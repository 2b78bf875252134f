using NestPortal.Domain.Common;

namespace NestPortal.Domain.Municipalities;

/// <summary>
/// The postal address of a municipality's administration, to which decision letters go: an optional
/// addressee line ("Stadt Dortmund – Der Oberbürgermeister"), street, postcode and city. Kept by the
/// competence centre, not by the Destatis register (which only knows the town hall's postcode).
/// </summary>
public sealed record AdministrationAddress
{
    public const int AddresseeMaxLength = 200;
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;

    public string? Addressee { get; private init; }
    public string Street { get; private init; } = string.Empty;
    public string Postcode { get; private init; } = string.Empty;
    public string City { get; private init; } = string.Empty;

    private AdministrationAddress()
    {
    }

    /// <summary>Checks every field at once, so a form (or an import row) lists all its problems together.</summary>
    public static AdministrationAddress Create(string? addressee, string street, string postcode, string city)
    {
        var errors = new List<DomainError>();
        if (addressee?.Trim() is { Length: > AddresseeMaxLength })
            errors.Add(new DomainError("Die Empfängerzeile darf höchstens {0} Zeichen lang sein.", AddresseeMaxLength));
        if (string.IsNullOrWhiteSpace(street) || street.Trim().Length > StreetMaxLength)
            errors.Add(new DomainError("Bitte geben Sie Straße und Hausnummer an (höchstens {0} Zeichen).", StreetMaxLength));
        if (postcode?.Trim() is not { Length: 5 } plz || !plz.All(char.IsAsciiDigit))
            errors.Add(new DomainError("Die Postleitzahl muss aus fünf Ziffern bestehen."));
        if (string.IsNullOrWhiteSpace(city) || city.Trim().Length > CityMaxLength)
            errors.Add(new DomainError("Bitte geben Sie den Ort an (höchstens {0} Zeichen).", CityMaxLength));
        if (errors.Count > 0) throw new DomainException(errors);
        return new AdministrationAddress
        {
            Addressee = string.IsNullOrWhiteSpace(addressee) ? null : addressee.Trim(),
            Street = street.Trim(),
            Postcode = postcode!.Trim(),
            City = city.Trim(),
        };
    }

    /// <summary>The lines of the address field of a letter, addressee first.</summary>
    public IReadOnlyList<string> Lines(string fallbackAddressee) =>
        [Addressee ?? fallbackAddressee, Street, $"{Postcode} {City}"];
}
