using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    /// <summary>
    /// The support plan of an imported group whose sheet leaves "Konzept" empty: the domain needs one to
    /// submit, and the group's plan is in the competence centre's files, where it was reviewed.
    /// </summary>
    public const string SupportPlanOnFile = "Unterstützungsplan liegt in der Akte des Kompetenzzentrums (übernommen mit dem Import).";

    private readonly Dictionary<string, GroupEntry> _groups = new(StringComparer.Ordinal);
    private readonly List<(GroupEntry Group, Mentor Member, int Row, DateOnly LeftOn, string Reason)> _leavings = [];

    /// <summary>A group of this file (submitted and approved once its members are in) or one imported before.</summary>
    private sealed record GroupEntry(MentoringGroup Group, bool IsNew, int Row, DateOnly SubmittedOn, DateOnly CheckedOn, ProgrammeRuleSet? RuleSet)
    {
        public bool Failed { get; set; }
    }

    private Task GroupRowAsync(ImportRow row, string reference)
    {
        var name = row.RequiredText("Name");
        var home = row.Municipality("Kommune");
        var submittedOn = row.RequiredDate("Eingereicht am");
        var checkedOn = row.RequiredDate("Sicherheitsüberprüfung am");
        var plan = row.Text("Konzept") ?? SupportPlanOnFile;
        if (row.Failed || home is not { } ags) return Task.CompletedTask;
        try
        {
            var group = MentoringGroup.Register(name, ags, run.Actor, run.NowUtc);
            group.ChangeDetails(name, ags, plan, run.Actor, run.NowUtc);
            // Added to the context once complete (FinishGroupsAsync), in batches.
            _groups[reference] = new GroupEntry(group, true, row.Number, submittedOn, checkedOn, RuleSetOfSubmission(submittedOn));
            Record("Group", reference, () => group.Id);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }

        return Task.CompletedTask;
    }

    private async Task MemberRowAsync(ImportRow row, string reference)
    {
        var groupReference = row.RequiredText("Gruppe");
        var kind = row.Choice("Art", ImportWords.MemberKinds, required: false) ?? MemberKind.NaturalPerson;
        var details = new MemberDetails(kind, row.Text("Vorname"), row.Text("Nachname"), row.Text("Organisation"), row.Text("Vertreten durch"),
            row.RequiredText("E-Mail"), row.Text("Telefon"), row.Date("Geburtsdatum"), row.Date("Schulung am"), row.YesNo("Hauptansprechperson"));
        var leftOn = row.Date("Ausgeschieden am");
        var reason = row.Text("Grund des Ausscheidens");
        if (leftOn is not null && reason is null)
            row.Error("Grund des Ausscheidens", l["Bitte geben Sie den Grund des Ausscheidens an."]);
        if (row.Failed) return;
        var entry = await GroupAsync(row, "Gruppe", groupReference);
        if (entry is null) return;

        try
        {
            // A member of a group in this file is history: only the facts about the member are checked here
            // (no rule set, so no limits of a decision); the rules of the day come as warnings with the
            // submission. A member added to a group imported before joins today, as a replacement would in the portal.
            var mentor = entry.IsNew
                ? entry.Group.AddMember(details, null, run.Today, run.Actor, run.NowUtc, MemberStatement.FromRecords)
                : entry.Group.AddMember(details, ProgrammeRuleSet.InForceOn(_ruleSets, run.Today), run.Today, run.Actor, run.NowUtc, MemberStatement.FromRecords);
            Record("Member", reference, () => mentor.Id);
            if (leftOn is not { } left) return;
            if (entry.IsNew) _leavings.Add((entry, mentor, row.Number, left, reason!));
            else LeaveGroup(entry, mentor, row.Number, left, reason!);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }
    }

    /// <summary>
    /// Records the submission, check and approval of every group of this file once its members are in,
    /// then who left. The submission happened: its facts are errors, the rules of that day's decision
    /// (staffing, main contacts, training, the rule set in force) are warnings on the group's row.
    /// </summary>
    /// <remarks>
    /// Each group is complete once submitted, approved and its leavings recorded: the commit adds it then and
    /// saves every <see cref="SaveEvery"/> groups, so one save never holds them all (the same audit entries).
    /// </remarks>
    private async Task FinishGroupsAsync(CancellationToken cancellationToken)
    {
        var leavings = _leavings.ToLookup(l => l.Group, ReferenceEqualityComparer.Instance);
        _leavings.Clear();
        var finished = 0;
        foreach (var entry in _groups.Values.Where(g => g.IsNew && !g.Failed))
        {
            FinishGroup(entry);
            foreach (var (_, member, row, leftOn, reason) in leavings[entry])
            {
                if (!entry.Failed) LeaveGroup(entry, member, row, leftOn, reason);
            }

            if (!run.Commit) continue;
            db.MentoringGroups.Add(entry.Group);
            if (++finished % SaveEvery == 0) await SaveBatchAsync(cancellationToken);
        }

        await SaveBatchAsync(cancellationToken);
    }

    private void FinishGroup(GroupEntry entry)
    {
        if (entry.RuleSet is null)
        {
            entry.Failed = true;
            report.AddError(ImportSheets.Groups.Name, entry.Row, "Eingereicht am", l["Im Portal sind keine Programmregeln erfasst; eine Gruppe kann nicht übernommen werden."]);
            return;
        }

        try
        {
            foreach (var warning in entry.Group.RecordPastSubmission(entry.RuleSet, entry.SubmittedOn, run.Today, run.Actor, run.NowUtc))
                report.AddWarning(ImportSheets.Groups.Name, entry.Row, null, l.Of(warning));
            entry.Group.RecordSecurityCheck(entry.CheckedOn, SecurityCheckResult.Passed, run.Today, run.Actor, run.NowUtc);
            entry.Group.Approve(run.Actor, run.NowUtc);
        }
        catch (DomainException exception)
        {
            entry.Failed = true;
            DomainErrors(ImportSheets.Groups, entry.Row, null, exception);
        }
    }

    private void LeaveGroup(GroupEntry entry, Mentor member, int row, DateOnly leftOn, string reason)
    {
        try
        {
            entry.Group.RecordMemberLeaving(member, leftOn, reason, run.Today, run.Actor, run.NowUtc);
        }
        catch (DomainException exception)
        {
            DomainErrors(ImportSheets.Members, row, "Ausgeschieden am", exception);
        }
    }

    /// <summary>
    /// The rule set in force on the submission day; for a day no rule set covers (before the pilot, after
    /// the end) the one nearest to it, whose not covering the day is then a warning of the submission.
    /// </summary>
    private ProgrammeRuleSet? RuleSetOfSubmission(DateOnly submittedOn) =>
        ProgrammeRuleSet.InForceOn(_ruleSets, submittedOn)
        ?? _ruleSets.OrderBy(r => r.ValidFrom > submittedOn ? r.ValidFrom.DayNumber - submittedOn.DayNumber : submittedOn.DayNumber - (r.ValidUntil ?? r.ValidFrom).DayNumber).FirstOrDefault();

    /// <summary>The group a row names: one of this file, or one imported before (loaded once).</summary>
    private async Task<GroupEntry?> GroupAsync(ImportRow row, string column, string reference)
    {
        if (_groups.TryGetValue(reference, out var entry)) return entry.Failed ? null : entry;
        if (IsBrokenRowOf(ImportSheets.Groups, reference)) return null;
        var id = await KnownOrEarlierAsync(ImportSheets.Groups, reference);
        var group = id is { } groupId ? await db.MentoringGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId) : null;
        if (group is null)
        {
            row.Error(column, l["Die Gruppe „{0}“ gibt es weder in dieser Datei noch aus einem früheren Import.", reference]);
            return null;
        }

        ChangesEarlierRecord();
        entry = new GroupEntry(group, false, 0, default, default, null);
        _groups[reference] = entry;
        return entry;
    }
}
