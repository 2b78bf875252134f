using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

public class SubmissionTests
{
    private const string PilotDay = "2021-03-01";
    private const string PermanentDay = "2023-03-01";

    [Theory]
    [InlineData(PilotDay, 5)]
    [InlineData(PilotDay, 6)]
    [InlineData(PermanentDay, 4)]
    [InlineData(PermanentDay, 5)]
    public void A_group_with_enough_members_can_submit(string date, int members)
    {
        var group = new GroupBuilder().ReadyToSubmit(members).Build();

        group.Submit(RulesOn(date), Day(date), GroupBuilder.Actor, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Theory]
    [InlineData(PilotDay, 4, "NesT Pilotphase", 5)]
    [InlineData(PilotDay, 2, "NesT Pilotphase", 5)]
    [InlineData(PermanentDay, 3, "NesT Regelprogramm", 4)]
    public void A_group_with_too_few_members_is_told_how_many_it_has_and_needs(string date, int members, string ruleSetName, int minimum)
    {
        var group = new GroupBuilder().ReadyToSubmit(members).Build();

        var errors = SubmitErrors(group, RulesOn(date), Day(date));

        errors.ShouldHaveSingleItem()
            .ShouldBe($"Die Gruppe hat {members} Mitglieder; nach den Regeln „{ruleSetName}“ braucht sie mindestens {minimum}.");
    }

    [Theory]
    [InlineData(PilotDay, 0, "Es sind 0 Hauptansprechpersonen markiert; die Gruppe braucht genau 2.")]
    [InlineData(PilotDay, 1, "Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.")]
    [InlineData(PilotDay, 3, "Es sind 3 Hauptansprechpersonen markiert; die Gruppe braucht genau 2.")]
    [InlineData(PermanentDay, 1, "Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.")]
    [InlineData(PermanentDay, 3, "Es sind 3 Hauptansprechpersonen markiert; die Gruppe braucht genau 2.")]
    public void A_group_needs_exactly_two_main_contacts(string date, int mainContacts, string expected)
    {
        var group = new GroupBuilder().WithMembers(5).WithMainContacts(mainContacts).Trained().WithSupportPlan().Build();

        var errors = SubmitErrors(group, RulesOn(date), Day(date));

        errors.ShouldHaveSingleItem().ShouldBe(expected);
    }

    [Theory]
    [InlineData(PilotDay, "eintägige Pflichtschulung")]
    [InlineData(PermanentDay, "vierstündige Basisschulung vor der Antragstellung")]
    public void A_member_without_training_is_named_with_the_training_the_rules_require(string date, string training)
    {
        var group = new GroupBuilder().ReadyToSubmit()
            .WithMember(MemberDetails.Person("Jana", "Kurz", "jana.kurz@example.org", Day("1990-02-03"), trainingDate: null))
            .Build();

        var errors = SubmitErrors(group, RulesOn(date), Day(date));

        errors.ShouldHaveSingleItem().ShouldBe($"Für Jana Kurz ist keine abgeschlossene Schulung ({training}) eingetragen.");
    }

    [Fact]
    public void A_training_after_the_submission_date_does_not_count()
    {
        // Members entered on 20 July with their training of 10 July; the submission is checked for 5 July.
        var group = new GroupBuilder().ReadyToSubmit(4)
            .Trained(Day("2022-07-10"))
            .MembersAddedOn(Day("2022-07-20"))
            .Build();

        var errors = SubmitErrors(group, RulesOn("2022-07-05"), Day("2022-07-05"));

        errors.Count.ShouldBe(4);
        for (var number = 1; number <= 4; number++)
            errors.ShouldContain($"Für {GroupBuilder.DisplayNameOf(number)} ist keine abgeschlossene Schulung (vierstündige Basisschulung vor der Antragstellung) eingetragen.");
    }

    [Fact]
    public void A_training_on_the_submission_date_counts()
    {
        var group = new GroupBuilder().ReadyToSubmit(4)
            .Trained(Day("2022-07-05"))
            .MembersAddedOn(Day("2022-07-05"))
            .Build();

        group.Submit(RulesOn("2022-07-05"), Day("2022-07-05"), GroupBuilder.Actor, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Fact]
    public void A_legal_person_is_refused_under_the_pilot_rules()
    {
        var group = new GroupBuilder().ReadyToSubmit(5).WithLegalPerson("Caritasverband Bochum e. V.").Build();

        var errors = SubmitErrors(group, RulesOn(PilotDay), Day(PilotDay));

        errors.ShouldHaveSingleItem().ShouldBe(
            "Caritasverband Bochum e. V. (vertreten durch Petra Vogel) ist eine juristische Person; "
            + "nach den Regeln „NesT Pilotphase“ können nur volljährige Einzelpersonen Mitglied sein.");
        group.Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public void A_legal_person_is_accepted_and_counts_as_a_member_under_the_permanent_rules()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Trained().WithSupportPlan()
            .WithLegalPerson()
            .Build();

        group.Submit(RulesOn(PermanentDay), Day(PermanentDay), GroupBuilder.Actor, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
        group.Members.Count.ShouldBe(4);
    }

    [Fact]
    public void A_member_under_18_on_the_submission_date_is_refused()
    {
        // Jana turns 18 on 10 July 2022; she was entered on 15 July, the submission is checked for 5 July.
        var group = new GroupBuilder().ReadyToSubmit(4)
            .WithMember(MemberDetails.Person("Jana", "Kurz", "jana.kurz@example.org", Day("2004-07-10"), Day("2022-07-01")))
            .MembersAddedOn(Day("2022-07-15"))
            .Build();

        var errors = SubmitErrors(group, RulesOn("2022-07-05"), Day("2022-07-05"));

        errors.ShouldHaveSingleItem().ShouldBe("Jana Kurz ist am 05.07.2022 noch nicht volljährig.");
    }

    [Fact]
    public void A_member_whose_18th_birthday_is_the_submission_date_is_accepted()
    {
        var group = new GroupBuilder().ReadyToSubmit(4)
            .WithMember(MemberDetails.Person("Jana", "Kurz", "jana.kurz@example.org", Day("2004-07-05"), Day("2022-07-01")))
            .MembersAddedOn(Day("2022-07-05"))
            .Build();

        group.Submit(RulesOn("2022-07-05"), Day("2022-07-05"), GroupBuilder.Actor, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_group_without_a_support_plan_is_refused(string? supportPlan)
    {
        var builder = new GroupBuilder().WithMembers(5).WithMainContacts(2).Trained();
        if (supportPlan is not null) builder.WithSupportPlan(supportPlan);
        var group = builder.Build();

        var errors = SubmitErrors(group, RulesOn(PilotDay), Day(PilotDay));

        errors.ShouldHaveSingleItem().ShouldBe("Der Unterstützungsplan fehlt.");
    }

    [Theory]
    [InlineData("2019-05-05")]
    [InlineData("2018-01-01")]
    public void On_a_day_without_rules_the_group_is_told_only_that(string date)
    {
        var group = new GroupBuilder().Build(); // nothing filled in: only the missing rules are reported
        var rules = RulesOn(date);
        rules.ShouldBeNull();

        var errors = SubmitErrors(group, rules, Day(date));

        errors.ShouldHaveSingleItem()
            .ShouldBe($"Am {Day(date):dd.MM.yyyy} gelten keine Programmregeln; eine Einreichung ist an diesem Tag nicht möglich.");
        group.Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public void Every_gap_is_named_at_once()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(1)
            .WithMember(MemberDetails.Person("Jana", "Kurz", "jana.kurz@example.org", Day("1990-02-03"), trainingDate: null))
            .Build();

        var errors = SubmitErrors(group, RulesOn(PilotDay), Day(PilotDay));

        errors.ShouldBe(
        [
            "Die Gruppe hat 4 Mitglieder; nach den Regeln „NesT Pilotphase“ braucht sie mindestens 5.",
            "Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.",
            $"Für {GroupBuilder.DisplayNameOf(1)} ist keine abgeschlossene Schulung (eintägige Pflichtschulung) eingetragen.",
            $"Für {GroupBuilder.DisplayNameOf(2)} ist keine abgeschlossene Schulung (eintägige Pflichtschulung) eingetragen.",
            $"Für {GroupBuilder.DisplayNameOf(3)} ist keine abgeschlossene Schulung (eintägige Pflichtschulung) eingetragen.",
            "Für Jana Kurz ist keine abgeschlossene Schulung (eintägige Pflichtschulung) eingetragen.",
            "Der Unterstützungsplan fehlt.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_group_with_problems_stays_a_draft_and_records_no_submission()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();
        var stampBefore = group.ConcurrencyStamp;
        var historyBefore = group.History.Count;

        SubmitErrors(group, RulesOn(PilotDay), Day(PilotDay));

        group.Status.ShouldBe(GroupStatus.Draft);
        group.IsEditableByGroup.ShouldBeTrue();
        group.SubmittedOn.ShouldBeNull();
        group.RuleSetId.ShouldBeNull();
        group.History.Count.ShouldBe(historyBefore);
        group.History.ShouldNotContain(h => h.Action == GroupAction.Submitted);
        group.ConcurrencyStamp.ShouldBe(stampBefore);
    }

    [Fact]
    public void A_successful_submission_records_date_rule_set_and_history()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();
        var stampBefore = group.ConcurrencyStamp;
        var submittedAt = new DateTime(2021, 3, 1, 14, 5, 0, DateTimeKind.Utc);

        group.Submit(RulesOn(PilotDay), Day(PilotDay), GroupBuilder.Actor, submittedAt);

        group.Status.ShouldBe(GroupStatus.Submitted);
        group.IsEditableByGroup.ShouldBeFalse();
        group.SubmittedOn.ShouldBe(Day(PilotDay));
        group.RuleSetId.ShouldBe(TestRuleSets.PilotId);
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
        var entry = group.History.Last();
        entry.Action.ShouldBe(GroupAction.Submitted);
        entry.ActorUserId.ShouldBe(GroupBuilder.Actor.UserId);
        entry.ActorName.ShouldBe(GroupBuilder.Actor.Name);
        entry.OccurredAtUtc.ShouldBe(submittedAt);
        entry.Details.ShouldBe("NesT Pilotphase");
    }

    [Fact]
    public void The_rule_set_is_chosen_by_the_submission_date()
    {
        // The same group of four: one day too early for the permanent programme's smaller minimum.
        var builder = new GroupBuilder().ReadyToSubmit(4);
        var onLastPilotDay = builder.Build();
        var onFirstPermanentDay = builder.Build();

        var pilotRules = RulesOn("2022-06-30");
        var permanentRules = RulesOn("2022-07-01");

        pilotRules!.Code.ShouldBe(SeededRuleSets.PilotCode);
        SubmitErrors(onLastPilotDay, pilotRules, Day("2022-06-30")).ShouldHaveSingleItem()
            .ShouldBe("Die Gruppe hat 4 Mitglieder; nach den Regeln „NesT Pilotphase“ braucht sie mindestens 5.");
        onLastPilotDay.Status.ShouldBe(GroupStatus.Draft);

        permanentRules!.Code.ShouldBe(SeededRuleSets.PermanentCode);
        onFirstPermanentDay.Submit(permanentRules, Day("2022-07-01"), GroupBuilder.Actor, GroupBuilder.Now);
        onFirstPermanentDay.Status.ShouldBe(GroupStatus.Submitted);
        onFirstPermanentDay.RuleSetId.ShouldBe(TestRuleSets.PermanentId);
        onFirstPermanentDay.History.Last().Details.ShouldBe("NesT Regelprogramm");
    }

    [Fact]
    public void A_submitted_group_cannot_be_submitted_again()
    {
        var group = new GroupBuilder().ReadyToSubmit().Submitted(RulesOn(PilotDay)!, Day(PilotDay));

        var exception = Should.Throw<DomainException>(
            () => group.Submit(RulesOn(PermanentDay), Day(PermanentDay), GroupBuilder.Actor, GroupBuilder.Now));

        exception.Message.ShouldContain("eingereicht");
        group.SubmittedOn.ShouldBe(Day(PilotDay));
        group.RuleSetId.ShouldBe(TestRuleSets.PilotId);
    }

    [Fact]
    public void Checking_a_submission_changes_nothing_and_reports_the_same_errors_as_submitting()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();
        var stampBefore = group.ConcurrencyStamp;

        var checkedErrors = group.CheckSubmission(RulesOn(PilotDay), Day(PilotDay)).Select(e => e.Format()).ToList();

        group.ConcurrencyStamp.ShouldBe(stampBefore);
        group.Status.ShouldBe(GroupStatus.Draft);
        checkedErrors.ShouldBe(SubmitErrors(group, RulesOn(PilotDay), Day(PilotDay)));
        new GroupBuilder().ReadyToSubmit().Build().CheckSubmission(RulesOn(PilotDay), Day(PilotDay)).ShouldBeEmpty();
    }

    private static ProgrammeRuleSet? RulesOn(string date) => TestRuleSets.InForceOn(Day(date));

    private static List<string> SubmitErrors(MentoringGroup group, ProgrammeRuleSet? ruleSet, DateOnly date)
    {
        var exception = Should.Throw<DomainException>(() => group.Submit(ruleSet, date, GroupBuilder.Actor, GroupBuilder.Now));
        return exception.Errors.Select(e => e.Format()).ToList();
    }
}
