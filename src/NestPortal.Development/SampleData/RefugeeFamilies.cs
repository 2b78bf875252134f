using Bogus;
using NestPortal.Domain.Households;

namespace NestPortal.Development.SampleData;

/// <summary>What is known of a family before it is recorded: where from, when admitted, when it arrives.</summary>
public sealed record FamilyPlan(Origin Origin, int Size, DateOnly Admitted, DateOnly? VisaIssued, DateOnly? ArrivedOn, string AdmissionReference);

/// <summary>
/// Makes the persons of a refugee family for sample data: one or two parents and their children,
/// with names of their origin, born before the admission decision.
/// </summary>
public static class RefugeeFamilies
{
    public static IReadOnlyList<RefugeeDetails> Persons(Faker faker, FamilyPlan plan)
    {
        var origin = plan.Origin;
        var family = faker.PickRandom(origin.FamilyNames);
        var refuge = faker.PickRandom(origin.FirstRefugeCodes);
        var persons = new List<RefugeeDetails>(plan.Size);

        // A single adult, a single mother with children, or a couple with children.
        var singleParent = plan.Size == 1 || (plan.Size <= 4 && faker.Random.Bool(0.25f));
        var firstIsMother = singleParent && plan.Size > 1;
        var adults = singleParent ? 1 : 2;
        var eldestBorn = plan.Admitted.AddYears(-faker.Random.Int(26, 52)).AddDays(-faker.Random.Int(0, 364));
        for (var i = 0; i < plan.Size; i++)
        {
            var isAdult = i < adults;
            var sex = isAdult ? (i == 0 && !firstIsMother ? Sex.Male : Sex.Female) : faker.PickRandom(Sex.Female, Sex.Male);
            var given = faker.PickRandom(sex == Sex.Male ? origin.MaleNames : origin.FemaleNames);
            var born = isAdult
                ? eldestBorn.AddDays(i * faker.Random.Int(300, 2500))
                : plan.Admitted.AddDays(-faker.Random.Int(60, 17 * 365));
            persons.Add(new RefugeeDetails(given, family, born, sex, origin.NationalityCode, refuge,
                plan.Admitted, $"{plan.AdmissionReference}-{i + 1}", plan.VisaIssued, plan.ArrivedOn));
        }

        return persons;
    }
}
