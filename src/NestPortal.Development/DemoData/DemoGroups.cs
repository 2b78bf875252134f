using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;

namespace NestPortal.Development.DemoData;

/// <summary>
/// A few groups in every state, so each demo role has something to look at: the demo mentor's draft,
/// ready to submit, and other groups waiting in the competence centre's queue.
/// </summary>
public static class DemoGroups
{
    /// <param name="lastActiveDay">The last day groups may have been submitted: today, or the programme's end
    /// when the demo ends it (the end cannot lie before a submission).</param>
    public static async Task SeedAsync(NestPortalDbContext db, TimeProvider time, DateOnly? lastActiveDay = null)
    {
        if (await db.MentoringGroups.AnyAsync()) return;
        var mentor = await db.Users.SingleAsync(u => u.Email == DemoUsers.All[0].Email);
        var staff = new Actor("demo-seed", "Karl Kompetenz (KfI)");
        var rules = await db.RuleSets.ToListAsync();
        var now = time.UtcNow();
        var today = lastActiveDay ?? time.TodayInGermany();
        var inForce = ProgrammeRuleSet.InForceOn(rules, today);

        MentoringGroup Group(string name, string ags, Actor owner, string[] people)
        {
            var group = MentoringGroup.Register(name, Ags.Parse(ags), owner, now);
            for (var i = 0; i < people.Length; i++)
            {
                var parts = people[i].Split(' ');
                var email = $"{parts[0]}.{parts[1]}@beispiel.invalid".ToLowerInvariant();
                group.AddMember(MemberDetails.Person(parts[0], parts[1], email, today.AddYears(-30 - i * 7),
                    today.AddMonths(-2), isMainContact: i < 2), inForce, today, owner, now, MemberStatement.FromRecords);
            }

            group.ChangeDetails(name, Ags.Parse(ags), "Wohnungssuche, Begleitung zu Behörden, Deutschkurs, Schulanmeldung, Freizeit.", owner, now);
            db.MentoringGroups.Add(group);
            return group;
        }

        var own = new Actor(mentor.Id, mentor.DisplayName);
        Group("Willkommensteam Hörde", "05913000", own, ["Miriam Mentorin", "Jonas Becker", "Aylin Yilmaz", "Peter Schulz"]);

        var other = new Actor("demo-other-mentor", "Sabine Sponsor");
        var submitted = Group("Patenkreis Bielefeld-Mitte", "05711000", other, ["Sabine Sponsor", "Ali Hassan", "Eva Krüger", "Tom Wagner"]);
        submitted.Submit(inForce, today, other, now);
        var checkedGroup = Group("Nachbarschaftshilfe Arnsberg", "05958004", other, ["Lena Vogel", "Omar Haddad", "Ute Brandt", "Nils Ortmann", "Clara Frey"]);
        checkedGroup.Submit(inForce, today, other, now);
        checkedGroup.RecordSecurityCheck(today, SecurityCheckResult.Passed, today, staff, now);
        var approved = Group("Kirchengemeinde St. Lamberti Münster", "05515000", other, ["Maria Hoffmann", "Georg Lang", "Ines Roth", "Felix Weber"]);
        approved.Submit(inForce, today, other, now);
        approved.RecordSecurityCheck(today, SecurityCheckResult.Passed, today, staff, now);
        approved.Approve(staff, now);
        var returned = Group("Initiative Köln-Ehrenfeld", "05315000", other, ["Julia Neumann", "Samir Aziz", "Paul Richter", "Mia Schmitt"]);
        returned.Submit(inForce, today, other, now);
        returned.ReturnForChanges("Bitte ergänzen Sie im Unterstützungsplan, wer die Begleitung zu Arztterminen übernimmt.", staff, now);

        await db.SaveChangesAsync();
    }
}
