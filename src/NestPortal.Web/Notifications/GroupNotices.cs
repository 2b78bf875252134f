using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Notifications;

/// <summary>
/// What the review of a group tells people: a submission to the competence centre, a return or an
/// approval to the group's main contacts.
/// </summary>
/// <remarks>
/// The key counts the occurrences in the group's history (the second submission is "…:2"): the history
/// entry's id is not known before the save that writes it and the notice, the count is, and a history
/// entry is never deleted, so the n-th return stays the n-th return.
/// </remarks>
public static class GroupNotices
{
    /// <summary>How many times the group has done this so far, the change being made included.</summary>
    public static int Occurrence(MentoringGroup group, GroupAction action) => group.History.Count(h => h.Action == action);

    public static Notice Submitted(MentoringGroup group) =>
        new($"group-submitted:{group.Id}:{Occurrence(group, GroupAction.Submitted)}", l => new NoticeText(
            l["Eine Gruppe wurde zur Prüfung eingereicht"],
            [l["Die Mentoring-Gruppe „{0}“ hat sich am {1:dd.MM.yyyy} zur Prüfung eingereicht.", group.Name, group.SubmittedOn!.Value].Value],
            $"/Review/Details/{group.Id}", l["Gruppe prüfen"]));

    public static Notice Returned(MentoringGroup group) =>
        new($"group-returned:{group.Id}:{Occurrence(group, GroupAction.Returned)}", l => new NoticeText(
            l["Ihre Gruppe wurde zur Überarbeitung zurückgegeben"],
            [
                l["Das Kompetenzzentrum für Integration hat die Gruppe „{0}“ geprüft und bittet Sie, die Angaben zu überarbeiten und die Gruppe erneut einzureichen.", group.Name].Value,
                l["Anmerkungen des Kompetenzzentrums:"].Value + "\n" + group.ReviewRemarks,
            ],
            $"/Groups/Details/{group.Id}", l["Gruppe öffnen"]));

    public static Notice Approved(MentoringGroup group) =>
        new($"group-approved:{group.Id}:{Occurrence(group, GroupAction.Approved)}", l => new NoticeText(
            l["Ihre Gruppe ist freigegeben"],
            [l["Das Kompetenzzentrum für Integration hat die Gruppe „{0}“ freigegeben. Sie wartet jetzt auf die Vermittlung einer Familie.", group.Name].Value],
            $"/Groups/Details/{group.Id}", l["Gruppe öffnen"]));

    /// <summary>
    /// A member left and the group now has fewer active members or main contacts than its rules ask for:
    /// to the group (its page) and to the competence centre (the review page), keyed by the departure.
    /// </summary>
    public static Notice StaffingBelowMinimum(MentoringGroup group, IReadOnlyList<Domain.Common.DomainError> warnings, bool forStaff) =>
        new($"staffing:{group.Id}:{Occurrence(group, GroupAction.MemberLeft)}", l => new NoticeText(
            l["Die Gruppe „{0}“ ist nach einem Ausscheiden unterbesetzt", group.Name],
            [
                l["Nach dem Ausscheiden eines Mitglieds erfüllt die Gruppe „{0}“ die Regeln nicht mehr:", group.Name].Value,
                string.Join("\n", warnings.Select(w => l[w.Template, w.Arguments].Value)),
            ],
            forStaff ? $"/Review/Details/{group.Id}" : $"/Groups/Details/{group.Id}", l["Gruppe öffnen"]));
}
