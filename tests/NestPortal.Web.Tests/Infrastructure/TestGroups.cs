using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Puts groups into the portal's database through the group's own commands (so each could have been
/// made in the browser), and reads them back to check what a page saved.
/// </summary>
public static class TestGroups
{
    public const string SupportPlan = "Wohnungssuche, Begleitung zu Behörden, Deutschkurs, Schulanmeldung, Freizeit.";

    /// <summary>The calendar day in Germany, as the portal counts it.</summary>
    public static DateOnly Today => TestClock.Today;

    /// <summary>Dates as a browser's date input sends them.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Dates as the German pages show them.</summary>
    public static string German(this DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Registers a group for <paramref name="ownerId"/> with <paramref name="members"/> trained adult members
    /// (the first two main contacts) and, unless told otherwise, a support plan. With
    /// <paramref name="submittedOn"/> the group is also submitted on that day; <paramref name="returnRemarks"/>
    /// then returns it.
    /// </summary>
    public static async Task<int> CreateGroupAsync(this PortalFactory factory, string ownerId, string name,
        string ags = "05911000", int members = 4, bool withSupportPlan = true, DateOnly? submittedOn = null,
        IReadOnlyList<string>? memberEmails = null, string? returnRemarks = null, string ownerName = "Gruppen-Anleger")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var rules = await db.RuleSets.AsNoTracking().ToListAsync();
        var today = Today;
        var now = TestClock.UtcNow;
        var owner = new Actor(ownerId, ownerName);
        var trainedOn = (submittedOn ?? today).AddMonths(-2);

        var group = MentoringGroup.Register(name, Ags.Parse(ags), owner, now);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < members; i++)
        {
            var email = memberEmails is not null && i < memberEmails.Count ? memberEmails[i] : $"mitglied{i + 1}.{suffix}@beispiel.invalid";
            group.AddMember(MemberDetails.Person($"Vorname{i + 1}", $"Familie{i + 1}", email, today.AddYears(-30 - i),
                trainedOn, isMainContact: i < 2), ProgrammeRuleSet.InForceOn(rules, today), today, owner, now,
                // Each member confirmed their own details, so tests of other steps start from a group that can be submitted.
                MemberStatement.FromRecords);
        }

        if (withSupportPlan) group.ChangeDetails(name, Ags.Parse(ags), SupportPlan, owner, now);
        if (submittedOn is { } day)
        {
            group.Submit(ProgrammeRuleSet.InForceOn(rules, day), day, owner, now);
            if (returnRemarks is not null) group.ReturnForChanges(returnRemarks, new Actor("kfi-test", "Karl Kompetenz (KfI)"), now);
        }

        db.MentoringGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    /// <summary>Someone else changes the group meanwhile (another tab, another member, KfI).</summary>
    public static async Task ChangeGroupAsync(this PortalFactory factory, int id, Action<MentoringGroup, Actor, DateTime> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var group = await db.MentoringGroups.Include(g => g.Members).Include(g => g.History).AsSplitQuery().SingleAsync(g => g.Id == id);
        change(group, new Actor("someone-else", "Jemand anderes"), TestClock.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Every member still unconfirmed confirms their details as they are, as if each had followed the link in
    /// their invitation and signed in (ADR 0028; the invitation pages have tests and a journey of their own).
    /// </summary>
    public static Task ConfirmMembersAsync(this PortalFactory factory, int groupId) =>
        factory.ChangeGroupAsync(groupId, (group, _, now) =>
        {
            foreach (var m in group.UnconfirmedMembers)
                group.ConfirmOwnDetails(m.Id, new MemberDetails(m.Kind, m.GivenName, m.FamilyName, m.OrganisationName, m.RepresentativeName,
                    m.Email, m.Phone, m.DateOfBirth, m.TrainingDate, m.IsMainContact), null, Today, new Actor($"member-{m.Id}", m.DisplayName), now);
        });

    /// <summary>The group as saved, with members and history.</summary>
    public static Task<MentoringGroup> LoadGroupAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.MentoringGroups.AsNoTracking().Include(g => g.Members).Include(g => g.History)
            .AsSplitQuery().SingleAsync(g => g.Id == id));

    public static Task<int> GroupCountAsync(this PortalFactory factory, string name) =>
        factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name == name));

    /// <summary>Nothing of the group changed since <paramref name="before"/> was read: details, status, members, history.</summary>
    public static async Task ShouldBeUnchangedSinceAsync(this PortalFactory factory, MentoringGroup before)
    {
        var now = await factory.LoadGroupAsync(before.Id);
        now.Name.ShouldBe(before.Name);
        now.HomeMunicipalityAgs.ShouldBe(before.HomeMunicipalityAgs);
        now.SupportPlan.ShouldBe(before.SupportPlan);
        now.Status.ShouldBe(before.Status);
        now.SecurityCheckResult.ShouldBe(before.SecurityCheckResult);
        now.SecurityCheckDate.ShouldBe(before.SecurityCheckDate);
        now.ReviewRemarks.ShouldBe(before.ReviewRemarks);
        now.Members.Select(Describe).Order().ShouldBe(before.Members.Select(Describe).Order());
        now.History.Count.ShouldBe(before.History.Count);
        now.ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
    }

    private static string Describe(Mentor m) =>
        $"{m.Id}|{m.Kind}|{m.GivenName}|{m.FamilyName}|{m.OrganisationName}|{m.RepresentativeName}|{m.Email}|{m.Phone}|{m.DateOfBirth}|{m.TrainingDate}|{m.IsMainContact}";

    /// <summary>The id of the member with this email in the group.</summary>
    public static async Task<int> MemberIdAsync(this PortalFactory factory, int groupId, string email) =>
        (await factory.LoadGroupAsync(groupId)).Members.Single(m => m.Email == Mentor.NormaliseEmail(email)).Id;
}
