using Bogus;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Development.SampleData;

/// <summary>Flats and escrow accounts for sample sponsorships, sized for the family that moves in.</summary>
public static class SampleFlats
{
    private static readonly (string Name, string BankCode)[] Banks =
    [
        ("Sparkasse", "44050199"), ("Volksbank", "44160014"), ("GLS Gemeinschaftsbank", "43060967"),
        ("Bank im Bistum Essen", "36060295"), ("KD-Bank", "35060190"), ("Evangelische Bank", "52060410"),
        ("Postbank", "44010046"), ("Commerzbank", "37040044"),
    ];

    /// <summary>The name people use for a town: "Dortmund" for "Dortmund, Stadt".</summary>
    public static string TownOf(Municipality municipality) => municipality.Name.Split(',')[0].Trim();

    public static Apartment Flat(Faker faker, Municipality municipality, int persons, DateOnly leaseStart, DateOnly today, bool ownedByGroup = false)
    {
        var livingSpace = 25m + persons * 12m + faker.Random.Int(0, 16) / 2m;
        var rooms = Math.Min(1m + persons / 2m + faker.Random.Int(0, 1) / 2m, 7m);
        var rent = ownedByGroup ? 0m : decimal.Round(livingSpace * faker.Random.Decimal(6.8m, 11.5m), 2);
        var street = $"{faker.Address.StreetName()} {faker.Random.Int(1, 140)}";
        return Apartment.Create(street, municipality.Postcode, TownOf(municipality), municipality.Ags,
            livingSpace, rooms, rent, leaseStart, ownedByGroup, today);
    }

    public static EscrowAccount Escrow(Faker faker, string groupName, Municipality municipality)
    {
        var (bank, code) = faker.PickRandom(Banks);
        var bankName = bank is "Sparkasse" or "Volksbank" ? $"{bank} {TownOf(municipality)}" : bank;
        var holder = $"{groupName} – Mietkonto";
        if (holder.Length > EscrowAccount.HolderMaxLength) holder = holder[..EscrowAccount.HolderMaxLength];
        return EscrowAccount.Create(holder, SampleIban.German(code, faker.Random.Long(1_000_000, 9_999_999_999)), bankName);
    }
}
