using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Builders;

/// <summary>
/// Builds refugee households for tests through the household's own commands:
/// <code>new HouseholdBuilder().WithPersons(3).ArrivedOn(Day("2024-05-02")).Build()</code>
/// Persons are members of the Haddad family (Syrian, first refuge Lebanon), admitted on
/// <see cref="Admitted"/> with a visa on <see cref="VisaIssued"/>; ids are given as saving would.
/// </summary>
public sealed class HouseholdBuilder
{
    /// <summary>"Today" for household tests unless a test says otherwise.</summary>
    public static readonly DateOnly Today = Day("2024-06-14");

    public static readonly DateTime Now = new(2024, 6, 14, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Admitted = Day("2024-01-10");
    public static readonly DateOnly VisaIssued = Day("2024-03-01");
    public const string DefaultReference = "NesT-2024-0001";

    /// <summary>The family in order of age: father, mother, two children.</summary>
    private static readonly (string Given, DateOnly Born, Sex Sex)[] Family =
    [
        ("Rami", Day("1985-03-02"), Sex.Male),
        ("Lina", Day("1988-07-19"), Sex.Female),
        ("Yara", Day("2014-01-05"), Sex.Female),
        ("Omar", Day("2017-11-23"), Sex.Male),
    ];

    private readonly List<RefugeeDetails> _persons = [];
    private string _reference = DefaultReference;
    private DateOnly? _expectedArrival;
    private string? _note;
    private DateOnly? _arrivedOn;

    public HouseholdBuilder WithReference(string reference)
    {
        _reference = reference;
        return this;
    }

    public HouseholdBuilder Expecting(DateOnly expectedArrival)
    {
        _expectedArrival = expectedArrival;
        return this;
    }

    public HouseholdBuilder WithNote(string note)
    {
        _note = note;
        return this;
    }

    /// <summary>The first <paramref name="count"/> members of the Haddad family (at most four).</summary>
    public HouseholdBuilder WithPersons(int count)
    {
        for (var i = 0; i < count; i++) _persons.Add(FamilyMember(i));
        return this;
    }

    public HouseholdBuilder WithPerson(RefugeeDetails details)
    {
        _persons.Add(details);
        return this;
    }

    /// <summary>Every person of the builder arrived on that day.</summary>
    public HouseholdBuilder ArrivedOn(DateOnly arrivedOn)
    {
        _arrivedOn = arrivedOn;
        return this;
    }

    public Household Build(DateOnly? today = null)
    {
        var day = today ?? Today;
        var household = Household.Record(_reference, _expectedArrival, _note, day, Now);
        foreach (var person in _persons)
            household.AddPerson(_arrivedOn is { } arrived ? person with { ArrivedOn = arrived } : person, day);
        return AssignIds(household);
    }

    /// <summary>Member <paramref name="index"/> (0 = father) of the Haddad family, not yet arrived.</summary>
    public static RefugeeDetails FamilyMember(int index)
    {
        var (given, born, sex) = Family[index];
        return new RefugeeDetails(given, "Haddad", born, sex, "SY", "LB", Admitted, $"BAMF-NesT-0001-{index + 1}", VisaIssued, null);
    }

    /// <summary>One adult person, to be varied with <c>with { … }</c> in a test.</summary>
    public static RefugeeDetails Person(string given = "Rami", string family = "Haddad", DateOnly? arrivedOn = null) =>
        FamilyMember(0) with { GivenName = given, FamilyName = family, ArrivedOn = arrivedOn };

    public static Refugee PersonNamed(Household household, string givenName) =>
        household.Persons.Single(p => p.GivenName == givenName);

    /// <summary>
    /// Gives persons and allocations without an id a distinct one, as saving would (the domain finds
    /// them by id). Call it again after adding persons or allocations in a test.
    /// </summary>
    public static Household AssignIds(Household household)
    {
        var nextPersonId = household.Persons.Select(p => p.Id).DefaultIfEmpty(0).Max() + 1;
        foreach (var person in household.Persons.Where(p => p.Id == 0))
            EntityIds.Assign(person, nextPersonId++);
        var nextAllocationId = household.Allocations.Select(a => a.Id).DefaultIfEmpty(0).Max() + 1;
        foreach (var allocation in household.Allocations.Where(a => a.Id == 0))
            EntityIds.Assign(allocation, nextAllocationId++);
        return household;
    }
}
