using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Domain.Tests.Builders;

/// <summary>
/// Builds mentoring groups for tests, through the group's own commands, so every group a test gets
/// could have been made in the portal:
/// <code>new GroupBuilder().WithMembers(5).WithMainContacts(2).Trained().WithSupportPlan().Build()</code>
/// Members are added without a rule set in force (as on a day no rule covers), so a test can build
/// groups that the submission check must then refuse, e.g. three main contacts.
/// </summary>
public sealed class GroupBuilder
{
    /// <summary>The mentor who registers and edits the group in tests.</summary>
    public static readonly Actor Actor = new("mentor-erika", "Erika Mustermann");

    /// <summary>A member of KfI staff who reviews groups in tests.</summary>
    public static readonly Actor Staff = new("kfi-karl", "Karl Kruse (KfI)");

    public static readonly DateTime Now = new(2022, 7, 1, 9, 30, 0, DateTimeKind.Utc);
    public static readonly Ags Bochum = Ags.Parse("05911000");

    /// <summary>The day members are added unless a test says otherwise: the pilot's first day.</summary>
    public static readonly DateOnly DefaultMembersAddedOn = new(2019, 5, 6);

    /// <summary>The training day of <see cref="Trained"/> members unless a test says otherwise.</summary>
    public static readonly DateOnly DefaultTrainingDate = new(2019, 4, 27);

    public const string DefaultName = "Willkommen in Bochum";
    public const string DefaultSupportPlan = "Wohnungssuche, Begleitung zu Behörden, Deutschkurs, Schulanmeldung.";

    private static readonly (string Given, string Family)[] Names =
    [
        ("Anna", "Becker"), ("Jonas", "Schmidt"), ("Leyla", "Yilmaz"), ("Marie", "Hoffmann"),
        ("Tobias", "Wagner"), ("Fatma", "Demir"), ("Paul", "Krüger"), ("Sophie", "Neumann"),
    ];

    private readonly List<Func<DateOnly?, MemberDetails>> _extraMembers = [];
    private string _name = DefaultName;
    private Ags _homeMunicipality = Bochum;
    private int _memberCount;
    private int _mainContactCount;
    private DateOnly? _trainingDate;
    private string? _supportPlan;
    private DateOnly _membersAddedOn = DefaultMembersAddedOn;

    public GroupBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public GroupBuilder In(Ags homeMunicipality)
    {
        _homeMunicipality = homeMunicipality;
        return this;
    }

    /// <summary>Adult natural persons, numbered 1..count (see <see cref="EmailOf"/>).</summary>
    public GroupBuilder WithMembers(int count)
    {
        _memberCount = count;
        return this;
    }

    /// <summary>The first <paramref name="count"/> of the <see cref="WithMembers"/> members are main contacts.</summary>
    public GroupBuilder WithMainContacts(int count)
    {
        _mainContactCount = count;
        return this;
    }

    /// <summary>Every generated member (and legal person) completed the training on that day.</summary>
    public GroupBuilder Trained(DateOnly? on = null)
    {
        _trainingDate = on ?? DefaultTrainingDate;
        return this;
    }

    public GroupBuilder WithSupportPlan(string supportPlan = DefaultSupportPlan)
    {
        _supportPlan = supportPlan;
        return this;
    }

    /// <summary>Shortcut for a group that meets the pilot's rules (and so the permanent programme's too).</summary>
    public GroupBuilder ReadyToSubmit(int members = 5) =>
        WithMembers(members).WithMainContacts(2).Trained().WithSupportPlan();

    /// <summary>Adds an association as a member, trained like the others.</summary>
    public GroupBuilder WithLegalPerson(string organisationName = "Flüchtlingshilfe Bochum e. V.")
    {
        _extraMembers.Add(training => MemberDetails.Organisation(
            organisationName, "Petra Vogel", "kontakt@fluechtlingshilfe-bochum.example", training));
        return this;
    }

    /// <summary>Adds a member exactly as described, after the generated ones.</summary>
    public GroupBuilder WithMember(MemberDetails details)
    {
        _extraMembers.Add(_ => details);
        return this;
    }

    /// <summary>
    /// The day the group adds its members ("today" for the member checks). A test can add members
    /// after the day it then checks a submission for, to reach states that the submission check must
    /// still catch, such as a training date after the submission date.
    /// </summary>
    public GroupBuilder MembersAddedOn(DateOnly date)
    {
        _membersAddedOn = date;
        return this;
    }

    public static string EmailOf(int memberNumber) => $"mitglied{memberNumber}@example.org";

    public static string DisplayNameOf(int memberNumber)
    {
        var (given, family) = NameOf(memberNumber);
        return $"{given} {family}";
    }

    /// <summary>The details of generated member <paramref name="memberNumber"/> (1-based).</summary>
    public static MemberDetails PersonDetails(int memberNumber, DateOnly? trainingDate = null, bool isMainContact = false)
    {
        var (given, family) = NameOf(memberNumber);
        return MemberDetails.Person(given, family, EmailOf(memberNumber),
            dateOfBirth: new DateOnly(1960 + memberNumber, 1 + memberNumber % 12, 1 + memberNumber % 28),
            trainingDate, isMainContact, phone: $"0234 {100000 + memberNumber}");
    }

    public MentoringGroup Build()
    {
        if (_mainContactCount > _memberCount)
            throw new InvalidOperationException("A builder cannot mark more main contacts than it has members.");

        var group = MentoringGroup.Register(_name, _homeMunicipality, Actor, Now);
        for (var number = 1; number <= _memberCount; number++)
        {
            var details = PersonDetails(number, _trainingDate, isMainContact: number <= _mainContactCount);
            // Confirmed, as if each member had stated their own details: tests of other rules must not trip over invitations.
            group.AddMember(details, rulesInForce: null, _membersAddedOn, Actor, Now, MemberStatement.FromRecords);
        }

        foreach (var extra in _extraMembers)
            group.AddMember(extra(_trainingDate), rulesInForce: null, _membersAddedOn, Actor, Now, MemberStatement.FromRecords);

        if (_supportPlan is not null)
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, _supportPlan, Actor, Now);

        return AssignIds(group);
    }

    /// <summary>Builds the group and submits it under <paramref name="ruleSet"/> on <paramref name="date"/>.</summary>
    public MentoringGroup Submitted(ProgrammeRuleSet ruleSet, DateOnly date)
    {
        var group = Build();
        group.Submit(ruleSet, date, Actor, Now);
        return group;
    }

    /// <summary>
    /// Builds the group, submits it under <paramref name="ruleSet"/> on <paramref name="submittedOn"/>,
    /// records a passed security check that day and approves it: a group that may be matched.
    /// </summary>
    public MentoringGroup Approved(ProgrammeRuleSet ruleSet, DateOnly submittedOn)
    {
        var group = Submitted(ruleSet, submittedOn);
        group.RecordSecurityCheck(submittedOn, SecurityCheckResult.Passed, submittedOn, Staff, Now);
        group.Approve(Staff, Now);
        return group;
    }

    /// <summary>
    /// Gives every member without an id a distinct one, as saving the group would. Needed because the
    /// domain finds members by id (ChangeMember, RemoveMember), ids are assigned by EF Core on save,
    /// so unsaved members all have id 0, and the domain's <c>Id</c> setter is private (tests may not
    /// change the domain). Call it again after adding members in a test.
    /// </summary>
    public static MentoringGroup AssignIds(MentoringGroup group)
    {
        var nextId = group.Members.Select(m => m.Id).DefaultIfEmpty(0).Max() + 1;
        foreach (var member in group.Members.Where(m => m.Id == 0))
            EntityIds.Assign(member, nextId++);
        return group;
    }

    /// <summary>The member with the given display name (members are found by name in tests, as users do).</summary>
    public static Mentor Member(MentoringGroup group, string displayName) =>
        group.Members.Single(m => m.DisplayName == displayName);

    private static (string Given, string Family) NameOf(int memberNumber) =>
        memberNumber <= Names.Length
            ? Names[memberNumber - 1]
            : ($"Person{memberNumber}", "Muster");
}
