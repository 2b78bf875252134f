using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Domain.Privacy;

/// <summary>
/// How long personal data is kept once its purpose has ended, and from which day a record is due for
/// erasure. A record is kept through the last day of its period and due from the day after. The legal
/// bases of the periods are in docs/data-protection.md.
/// </summary>
/// <param name="RefugeeMonths">Refugees' identifying data, after the household's last sponsorship was completed (or after everyone left, when it never had one).</param>
/// <param name="MentorMonths">Members' data, after the group's last sponsorship was completed (or after its last step, for a group that never sponsored).</param>
public sealed record RetentionPeriods(int RefugeeMonths, int MentorMonths)
{
    /// <summary>
    /// The day from which the household's identifying data is due for erasure; null while a purpose
    /// remains (a running sponsorship, a household still waiting or in the programme) or when already erased.
    /// </summary>
    public DateOnly? HouseholdDueOn(Household household, IReadOnlyCollection<Sponsorship> sponsorships)
    {
        if (household.IsErased) return null;
        if (sponsorships.Count > 0)
        {
            // A completed sponsorship without its day (not made by the domain) keeps everything: no day to count from.
            if (sponsorships.Any(s => s.Status != SponsorshipStatus.Completed || s.CompletedOn is null)) return null;
            return DueAfter(sponsorships.Max(s => s.CompletedOn!.Value), RefugeeMonths);
        }

        // Never sponsored: only a household whose every arrived person has left has no purpose left.
        // One still waiting for a match is kept until staff record how it ended.
        if (household.Status != HouseholdStatus.Left) return null;
        return DueAfter(household.Persons.Max(p => p.LeftOn)!.Value, RefugeeMonths);
    }

    /// <summary>
    /// The day from which the members' data of a group is due for erasure; null while the group still
    /// sponsors or is in review, or when already erased.
    /// </summary>
    public DateOnly? GroupDueOn(MentoringGroup group, IReadOnlyCollection<Sponsorship> sponsorships, Func<DateTime, DateOnly> dayOf)
    {
        if (group.IsMemberDataErased) return null;
        if (sponsorships.Count > 0)
        {
            if (sponsorships.Any(s => s.Status != SponsorshipStatus.Completed || s.CompletedOn is null)) return null;
            return DueAfter(sponsorships.Max(s => s.CompletedOn!.Value), MentorMonths);
        }

        // A group that never sponsored: kept while it is in review or approved and waiting; a draft,
        // a returned or a dissolved group left inactive is due a period after its last step.
        return group.Status is GroupStatus.Draft or GroupStatus.Returned or GroupStatus.Dissolved
            ? DueAfter(dayOf(group.LastActivityAtUtc), MentorMonths)
            : null;
    }

    /// <summary>Kept through <paramref name="end"/> plus the period, due from the next day.</summary>
    public static DateOnly DueAfter(DateOnly end, int months) => end.AddMonths(months).AddDays(1);
}
