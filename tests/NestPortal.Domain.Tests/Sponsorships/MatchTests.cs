using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;

namespace NestPortal.Domain.Tests.Sponsorships;

public class MatchTests
{
    private static Household Family(int persons = 3) => new HouseholdBuilder().WithPersons(persons).Build();

    private static string[] Refused(MatchBuilder match, Household household)
    {
        var exception = Should.Throw<DomainException>(() => match.Match(household));
        household.IsMatched.ShouldBeFalse("a refused match leaves the household as it was");
        household.Status.ShouldBe(HouseholdStatus.Recorded);
        return exception.Errors.Select(e => e.Format()).ToArray();
    }

    [Fact]
    public void A_match_creates_a_running_sponsorship_under_the_rules_of_the_group()
    {
        var group = EntityIds.Assign(MatchBuilder.ApprovedGroup(TestRuleSets.Pilot()), 7);
        var household = EntityIds.Assign(Family(), 11);

        var sponsorship = new MatchBuilder().WithGroup(group).Match(household);

        sponsorship.GroupId.ShouldBe(7);
        sponsorship.HouseholdId.ShouldBe(11);
        sponsorship.RuleSetId.ShouldBe(TestRuleSets.PilotId);
        sponsorship.RuleSetReason.ShouldBeNull();
        sponsorship.Status.ShouldBe(SponsorshipStatus.Running);
        sponsorship.MatchedOn.ShouldBe(MatchBuilder.PilotMatchDay);
        sponsorship.MatchedByName.ShouldBe(GroupBuilder.Staff.Name);
        sponsorship.CreatedAtUtc.ShouldBe(GroupBuilder.Now);
        sponsorship.Apartment.Address.ShouldBe("Hörder Bahnhofstraße 12, 44263 Dortmund");
        sponsorship.EscrowAccount.Iban.Value.ShouldBe(MatchBuilder.ValidIban);
        sponsorship.ConcurrencyStamp.ShouldNotBe(Guid.Empty);
        household.IsMatched.ShouldBeTrue();
        household.Status.ShouldBe(HouseholdStatus.Matched);
    }

    [Fact]
    public void A_draft_group_is_not_matched()
    {
        var draft = new GroupBuilder().Named("Entwurfsgruppe").ReadyToSubmit().Build();

        Refused(new MatchBuilder().WithGroup(draft), Family())
            .ShouldBe(["Die Gruppe „Entwurfsgruppe“ ist nicht freigegeben; nur freigegebene Gruppen können vermittelt werden."]);
    }

    [Fact]
    public void A_submitted_group_is_not_matched_before_approval()
    {
        var submitted = new GroupBuilder().Named("Eingereicht").ReadyToSubmit().Submitted(TestRuleSets.Pilot(), MatchBuilder.PilotSubmission);

        Refused(new MatchBuilder().WithGroup(submitted), Family())
            .ShouldBe(["Die Gruppe „Eingereicht“ ist nicht freigegeben; nur freigegebene Gruppen können vermittelt werden."]);
    }

    [Fact]
    public void A_returned_group_is_not_matched()
    {
        var returned = new GroupBuilder().Named("Zurück").ReadyToSubmit().Submitted(TestRuleSets.Pilot(), MatchBuilder.PilotSubmission);
        returned.ReturnForChanges("Bitte ergänzen.", GroupBuilder.Staff, GroupBuilder.Now);

        Refused(new MatchBuilder().WithGroup(returned), Family()).Length.ShouldBe(1);
    }

    [Fact]
    public void A_group_carries_one_running_sponsorship_at_a_time()
    {
        Refused(new MatchBuilder().GroupAlreadySponsoring(), Family())
            .ShouldBe(["Die Gruppe „Willkommen in Bochum“ begleitet am 15.10.2019 bereits eine Familie; nach den Regeln „NesT Pilotphase“ ist eine neue Vermittlung erst nach deren Ende möglich."]);
    }

    [Fact]
    public void A_household_is_matched_only_once()
    {
        var household = Family();
        new MatchBuilder().Match(household);
        var stamp = household.ConcurrencyStamp;

        var exception = Should.Throw<DomainException>(() =>
            new MatchBuilder().WithGroup(MatchBuilder.ApprovedGroup(TestRuleSets.Pilot(), "Zweite Gruppe")).Match(household));

        exception.Message.ShouldBe("Die Familie NesT-2024-0001 ist bereits einer Gruppe vermittelt.");
        household.ConcurrencyStamp.ShouldBe(stamp);
    }

    [Fact]
    public void A_household_without_persons_is_not_matched()
    {
        Refused(new MatchBuilder(), new HouseholdBuilder().Build())
            .ShouldBe(["Die Familie NesT-2024-0001 hat noch keine Personen; erfassen Sie sie vor der Vermittlung."]);
    }

    [Fact]
    public void Another_rule_set_than_the_groups_needs_a_reason()
    {
        Refused(new MatchBuilder().UnderRules(TestRuleSets.Permanent(), "  "), Family())
            .ShouldBe(["Die Gruppe wurde nach anderen Regeln eingereicht; bitte begründen Sie die Wahl von „NesT Regelprogramm“."]);
    }

    [Fact]
    public void Another_rule_set_with_a_reason_is_used_and_the_reason_kept()
    {
        var sponsorship = new MatchBuilder().UnderRules(TestRuleSets.Permanent(), "  Umstellung Juli 2022 (Erlass). ").Match(Family());

        sponsorship.RuleSetId.ShouldBe(TestRuleSets.PermanentId);
        sponsorship.RuleSetReason.ShouldBe("Umstellung Juli 2022 (Erlass).");
        sponsorship.RentMonths.ShouldBe(12);
    }

    [Fact]
    public void A_reason_for_the_groups_own_rule_set_is_not_kept()
    {
        var sponsorship = new MatchBuilder().UnderRules(TestRuleSets.Pilot(), "überflüssig").Match(Family());

        sponsorship.RuleSetId.ShouldBe(TestRuleSets.PilotId);
        sponsorship.RuleSetReason.ShouldBeNull();
    }

    [Fact]
    public void The_reason_has_a_maximum_length()
    {
        Refused(new MatchBuilder().UnderRules(TestRuleSets.Permanent(), new string('x', Sponsorship.ReasonMaxLength + 1)), Family())
            .ShouldBe(["Die Begründung darf höchstens 2000 Zeichen lang sein."]);
    }

    [Fact]
    public void Every_broken_rule_of_a_match_is_named_at_once()
    {
        var submitted = new GroupBuilder().Named("Eingereicht").ReadyToSubmit().Submitted(TestRuleSets.Pilot(), MatchBuilder.PilotSubmission);

        Refused(new MatchBuilder().WithGroup(submitted).GroupAlreadySponsoring().UnderRules(TestRuleSets.Permanent(), null), new HouseholdBuilder().Build())
            .Length.ShouldBe(4);
    }

    [Fact]
    public void An_owned_flat_takes_the_rule_sets_rent_months_for_owned_flats()
    {
        var pilot = new MatchBuilder().OwnedFlat().Match(Family());
        pilot.Apartment.OwnedByGroup.ShouldBeTrue();
        pilot.RentMonths.ShouldBe(24, "the pilot makes no difference for an owned flat");

        var permanent = new MatchBuilder().Permanent().OwnedFlat().Match(Family());
        permanent.RentMonths.ShouldBe(0);
        permanent.RentEndsOn.ShouldBeNull();
        permanent.LastRentMonth.ShouldBeNull();
        permanent.SupportMonths.ShouldBe(12, "support does not depend on the flat");
    }
}
