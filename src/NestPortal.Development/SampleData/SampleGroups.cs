using Bogus;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Development.SampleData;

/// <summary>
/// Mentoring groups for sample data, built through the group's own commands on the days they would
/// have happened: members trained before submission, a passed security check, approval.
/// </summary>
/// <param name="history">When given, each group is submitted under the rule set in force on its day (and gets
/// at least that set's minimum members) instead of <paramref name="rules"/>: data spread over the programme's years.</param>
public sealed class SampleGroups(Faker faker, ProgrammeRuleSet rules, Actor staff, IReadOnlyCollection<ProgrammeRuleSet>? history = null)
{
    private static readonly string[] SupportPlans =
    [
        "Wohnungssuche und Einzug, Begleitung zu Behörden und Ärzten, Anmeldung in Kita und Schule, Deutschkurs, Freizeit im Viertel.",
        "Begleitung zu Ausländerbehörde, Jobcenter und Bank; Hausaufgabenhilfe; gemeinsame Ausflüge; Unterstützung bei der Arbeitssuche.",
        "Erstausstattung der Wohnung, Behördengänge, Sprachcafé der Gemeinde, Sportverein für die Kinder, Vermittlung von Praktika.",
    ];

    /// <summary>The first day a group can be submitted under the rules these groups follow.</summary>
    public DateOnly EarliestSubmission => history?.Min(r => r.ValidFrom) ?? rules.ValidFrom;

    /// <summary>Registers a group with <paramref name="memberCount"/> trained adults, the first two main contacts.</summary>
    public MentoringGroup Draft(string name, Ags home, Actor owner, DateOnly registeredOn, int memberCount, string emailTag) =>
        Draft(name, home, owner, registeredOn, memberCount, emailTag, rules);

    private MentoringGroup Draft(string name, Ags home, Actor owner, DateOnly registeredOn, int memberCount, string emailTag, ProgrammeRuleSet rules)
    {
        var at = Noon(registeredOn);
        var group = MentoringGroup.Register(name, home, owner, at);
        for (var i = 0; i < memberCount; i++)
        {
            var sex = faker.PickRandom(Bogus.DataSets.Name.Gender.Female, Bogus.DataSets.Name.Gender.Male);
            var given = faker.Name.FirstName(sex);
            var family = faker.Name.LastName();
            var email = $"{Simple(given)}.{Simple(family)}.{emailTag}-{i + 1}@beispiel.invalid";
            var born = registeredOn.AddYears(-faker.Random.Int(21, 72)).AddDays(-faker.Random.Int(0, 364));
            var trained = registeredOn.AddDays(-faker.Random.Int(1, 120));
            group.AddMember(MemberDetails.Person(given, family, email, born, trained, isMainContact: i < 2,
                phone: $"0{faker.Random.Int(200, 299)} {faker.Random.Int(100000, 999999)}"), rules, registeredOn, owner, at, MemberStatement.FromRecords);
        }

        group.ChangeDetails(name, home, faker.PickRandom(SupportPlans), owner, at);
        return group;
    }

    public MentoringGroup Submitted(string name, Ags home, Actor owner, DateOnly submittedOn, int memberCount, string emailTag)
    {
        var rulesThen = history is null ? rules : ProgrammeRuleSet.InForceOn(history, submittedOn) ?? rules;
        var group = Draft(name, home, owner, submittedOn.AddDays(-faker.Random.Int(3, 30)), Math.Max(memberCount, rulesThen.MinimumMembers), emailTag, rulesThen);
        group.Submit(rulesThen, submittedOn, owner, Noon(submittedOn));
        return group;
    }

    /// <summary>Submitted, checked by BAMF without concerns and approved by the competence centre.</summary>
    public MentoringGroup Approved(string name, Ags home, Actor owner, DateOnly approvedOn, int memberCount, string emailTag)
    {
        var submittedOn = approvedOn.AddDays(-faker.Random.Int(21, 60));
        var group = Submitted(name, home, owner, submittedOn, memberCount, emailTag);
        var checkedOn = approvedOn.AddDays(-faker.Random.Int(1, 14));
        group.RecordSecurityCheck(checkedOn, SecurityCheckResult.Passed, checkedOn, staff, Noon(checkedOn));
        group.Approve(staff, Noon(approvedOn));
        return group;
    }

    public static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);

    /// <summary>Letters an email address can carry: "Jürgen" → "juergen".</summary>
    private static string Simple(string name) =>
        string.Concat(name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
            .Where(char.IsAsciiLetterLower));
}
