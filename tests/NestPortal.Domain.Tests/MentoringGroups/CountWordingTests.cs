using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

/// <summary>
/// Messages with a count and its noun read right for one as for many ("1 Mitglied", "4 Mitglieder"),
/// and so do the numbers the rules require, which may be one as well. The plural forms are checked
/// where the rules are tested (SubmissionTests, MembersTests, DeparturesTests).
/// </summary>
public class CountWordingTests
{
    private static readonly DateOnly SubmissionDay = Day("2022-09-01");
    private static readonly DateOnly Today = Day("2023-03-15");
    private static readonly Actor Mentor = GroupBuilder.Actor;
    private static readonly DateTime Now = new(2023, 3, 15, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Rules asking for at least two members and a single main contact.</summary>
    private static ProgrammeRuleSet OneMainContact() => EntityIds.Assign(
        new ProgrammeRuleSet("EINS", "Eine Ansprechperson", Day("2022-07-01"), null, 2, 1, true, 12, 0, 12, "Basisschulung"), 3);

    private static List<string> SubmissionErrors(MentoringGroup group, ProgrammeRuleSet rules) =>
        group.CheckSubmissionDecision(rules, Today).Select(e => e.Format()).ToList();

    [Fact]
    public void A_group_with_one_member_and_one_main_contact_is_told_so_in_the_singular()
    {
        var group = new GroupBuilder().WithMembers(1).WithMainContacts(1).Trained().WithSupportPlan().Build();

        SubmissionErrors(group, TestRuleSets.Permanent()).ShouldBe(
        [
            "Die Gruppe hat 1 Mitglied; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4.",
            "Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.",
        ]);
    }

    [Fact]
    public void Rules_requiring_one_main_contact_name_the_number_without_a_plural_verb()
    {
        var twoMarked = new GroupBuilder().WithMembers(2).WithMainContacts(2).Trained().WithSupportPlan().Build();
        var empty = new GroupBuilder().Build();

        SubmissionErrors(twoMarked, OneMainContact()).ShouldHaveSingleItem()
            .ShouldBe("Es sind 2 Hauptansprechpersonen markiert; die Gruppe braucht genau 1.");
        SubmissionErrors(empty, OneMainContact()).ShouldBe(
        [
            "Die Gruppe hat 0 Mitglieder; nach den Regeln „Eine Ansprechperson“ braucht sie mindestens 2.",
            "Es sind 0 Hauptansprechpersonen markiert; die Gruppe braucht genau 1.",
        ]);
    }

    [Fact]
    public void A_second_main_contact_under_rules_for_one_is_refused_in_the_singular()
    {
        var group = new GroupBuilder().WithMembers(1).WithMainContacts(1).Build();

        var exception = Should.Throw<DomainException>(() => group.AddMember(GroupBuilder.PersonDetails(2, isMainContact: true), OneMainContact(),
            Today, Mentor, Now));

        exception.Errors.ShouldHaveSingleItem().Format()
            .ShouldBe("Es gibt schon 1 Hauptansprechperson. Nehmen Sie zuerst bei ihr die Markierung zurück.");
    }

    [Fact]
    public void Appointing_a_second_main_contact_under_rules_for_one_is_refused_in_the_singular()
    {
        var group = new GroupBuilder().WithMembers(2).WithMainContacts(1).Trained().WithSupportPlan().MembersAddedOn(Day("2022-08-01"))
            .Approved(OneMainContact(), SubmissionDay);

        Should.Throw<DomainException>(() => group.AppointMainContact(2, OneMainContact(), Mentor, Now))
            .Message.ShouldBe("Es gibt schon 1 Hauptansprechperson.");
    }

    [Fact]
    public void Staffing_warnings_name_one_remaining_member_and_main_contact_in_the_singular()
    {
        var rules = TestRuleSets.Permanent();
        var group = new GroupBuilder().ReadyToSubmit(4).MembersAddedOn(Day("2022-08-01")).Approved(rules, SubmissionDay);

        group.RecordMemberLeaving(1, Today, "Umzug", Today, Mentor, Now);
        group.RecordMemberLeaving(3, Today, "Umzug", Today, Mentor, Now);

        group.StaffingWarnings(rules).Select(w => w.Format()).ShouldBe(
        [
            "Die Gruppe hat nur noch 2 aktive Mitglieder; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4. Bitte nehmen Sie ein neues Mitglied auf.",
            "Es gibt nur noch 1 Hauptansprechperson; die Gruppe braucht 2. Bitte benennen Sie eine neue.",
        ]);

        group.RecordMemberLeaving(2, Today, "Umzug", Today, Mentor, Now);

        group.StaffingWarnings(rules).Select(w => w.Format()).ShouldBe(
        [
            "Die Gruppe hat nur noch 1 aktives Mitglied; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4. Bitte nehmen Sie ein neues Mitglied auf.",
            "Es gibt keine Hauptansprechperson mehr; die Gruppe braucht 2. Bitte benennen Sie eine neue.",
        ]);

        group.RecordMemberLeaving(4, Today, "Umzug", Today, Mentor, Now);

        group.StaffingWarnings(rules).First().Format().ShouldBe(
            "Die Gruppe hat kein aktives Mitglied mehr; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4. Bitte nehmen Sie ein neues Mitglied auf.");
    }

    [Fact]
    public void Under_rules_for_one_main_contact_its_leaving_is_warned_without_a_plural_verb()
    {
        var rules = OneMainContact();
        var group = new GroupBuilder().WithMembers(2).WithMainContacts(1).Trained().WithSupportPlan().MembersAddedOn(Day("2022-08-01"))
            .Approved(rules, SubmissionDay);

        group.RecordMemberLeaving(1, Today, "Umzug", Today, Mentor, Now);

        group.StaffingWarnings(rules).Select(w => w.Format()).ShouldBe(
        [
            "Die Gruppe hat nur noch 1 aktives Mitglied; nach den Regeln „Eine Ansprechperson“ braucht sie mindestens 2. Bitte nehmen Sie ein neues Mitglied auf.",
            "Es gibt keine Hauptansprechperson mehr; die Gruppe braucht 1. Bitte benennen Sie eine neue.",
        ]);
    }
}
