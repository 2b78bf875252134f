using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Builders;

/// <summary>
/// Records BAMF's match in tests: an approved group, a household and a flat. Defaults give a pilot
/// sponsorship whose lease starts on 2019-11-01, the month of the first arrivals (docs/domain.md):
/// <code>new MatchBuilder().Match(household)</code>
/// </summary>
public sealed class MatchBuilder
{
    public static readonly DateOnly PilotSubmission = Day("2019-09-02");
    public static readonly DateOnly PilotMatchDay = Day("2019-10-15");
    public static readonly DateOnly PilotLeaseStart = Day("2019-11-01");
    public static readonly DateOnly PermanentSubmission = Day("2022-09-01");
    public static readonly DateOnly PermanentMatchDay = Day("2022-10-04");
    public static readonly DateOnly PermanentLeaseStart = Day("2022-11-01");

    public const string ValidIban = "DE89370400440532013000";
    public static readonly Ags Dortmund = Ags.Parse("05913000");

    private ProgrammeRuleSet _groupRules = TestRuleSets.Pilot();
    private ProgrammeRuleSet? _sponsorshipRules;
    private string? _reason;
    private MentoringGroup? _group;
    private DateOnly _leaseStart = PilotLeaseStart;
    private DateOnly _matchDay = PilotMatchDay;
    private bool _ownedFlat;
    private int _runningSponsorshipsOfGroup;
    private DateOnly? _programmeEnd;

    /// <summary>The group is submitted (and approved) under the permanent programme, with its dates.</summary>
    public MatchBuilder Permanent()
    {
        _groupRules = TestRuleSets.Permanent();
        _leaseStart = PermanentLeaseStart;
        _matchDay = PermanentMatchDay;
        return this;
    }

    public MatchBuilder WithGroup(MentoringGroup group)
    {
        _group = group;
        return this;
    }

    /// <summary>Staff choose another rule set than the group's, with this reason (or none).</summary>
    public MatchBuilder UnderRules(ProgrammeRuleSet ruleSet, string? reason)
    {
        _sponsorshipRules = ruleSet;
        _reason = reason;
        return this;
    }

    public MatchBuilder LeaseStartingOn(DateOnly leaseStart)
    {
        _leaseStart = leaseStart;
        return this;
    }

    public MatchBuilder OwnedFlat()
    {
        _ownedFlat = true;
        return this;
    }

    /// <summary>The group already carries this many sponsorships running on the match day.</summary>
    public MatchBuilder GroupAlreadySponsoring(int running = 1)
    {
        _runningSponsorshipsOfGroup = running;
        return this;
    }

    /// <summary>The match is recorded on this day (and the flat checked as of it).</summary>
    public MatchBuilder MatchedOn(DateOnly matchDay)
    {
        _matchDay = matchDay;
        return this;
    }

    /// <summary>The programme's last day, as an administrator ended it.</summary>
    public MatchBuilder ProgrammeEndedOn(DateOnly lastDay)
    {
        _programmeEnd = lastDay;
        return this;
    }

    /// <summary>An approved group that meets the rules of <paramref name="ruleSet"/>.</summary>
    public static MentoringGroup ApprovedGroup(ProgrammeRuleSet ruleSet, string name = GroupBuilder.DefaultName) =>
        new GroupBuilder().Named(name).ReadyToSubmit()
            .Approved(ruleSet, ruleSet.Id == TestRuleSets.PilotId ? PilotSubmission : PermanentSubmission);

    public static Apartment Flat(DateOnly leaseStart, DateOnly today, bool ownedByGroup = false, decimal rent = 650.00m) =>
        Apartment.Create("Hörder Bahnhofstraße 12", "44263", "Dortmund", Dortmund, 68.5m, 3,
            ownedByGroup ? 0 : rent, leaseStart, ownedByGroup, today);

    public static EscrowAccount Escrow() =>
        EscrowAccount.Create("Willkommen in Bochum GbR (Treuhand)", ValidIban, "Sparkasse Dortmund");

    public Sponsorship Match(Household household)
    {
        var group = _group ?? ApprovedGroup(_groupRules);
        return Sponsorship.Match(group, household, _sponsorshipRules ?? _groupRules, _reason,
            Flat(_leaseStart, _matchDay, _ownedFlat), Escrow(), _runningSponsorshipsOfGroup, _programmeEnd, _matchDay, GroupBuilder.Staff, GroupBuilder.Now);
    }

    /// <summary>The same match taken over from history: decision rules come back as warnings.</summary>
    public HistoricalMatch RecordHistorical(Household household)
    {
        var group = _group ?? ApprovedGroup(_groupRules);
        return Sponsorship.RecordHistoricalMatch(group, household, _sponsorshipRules ?? _groupRules, _reason,
            Flat(_leaseStart, _matchDay, _ownedFlat), Escrow(), _runningSponsorshipsOfGroup, _programmeEnd, _matchDay, GroupBuilder.Staff, GroupBuilder.Now);
    }
}
