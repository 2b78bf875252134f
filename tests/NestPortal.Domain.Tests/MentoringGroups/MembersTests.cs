using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

public class MembersTests
{
    private const string PilotDay = "2021-03-01";
    private const string PermanentDay = "2022-09-01";
    private static readonly DateOnly Today = Day(PermanentDay);
    private static readonly Actor Actor = GroupBuilder.Actor;
    private static readonly DateTime Now = GroupBuilder.Now;

    /// <summary>A training day before every "today" these tests use, so only the rule under test can fail.</summary>
    private static readonly DateOnly EarlyTrainingDate = Day("2018-12-01");

    [Fact]
    public void Member_records_follow_their_persons_new_account_address_and_no_one_else_moves()
    {
        var group = new GroupBuilder().Build();
        var moving = group.AddMember(MemberDetails.Person("Anna", "Becker", "anna@example.org", Day("1985-04-12"), EarlyTrainingDate, isMainContact: true), Permanent(), Today, Actor, Now);
        var staying = group.AddMember(MemberDetails.Person("Bernd", "Kraus", "bernd@example.org", Day("1980-01-02"), EarlyTrainingDate, isMainContact: true), Permanent(), Today, Actor, Now);

        var moved = group.FollowAddressChange(" Anna@Example.ORG ", "Anna.Neu@Example.org");

        moved.ShouldBe(1);
        moving.Email.ShouldBe("anna.neu@example.org");
        staying.Email.ShouldBe("bernd@example.org");
        group.FollowAddressChange("nobody@example.org", "x@example.org").ShouldBe(0);
    }

    [Fact]
    public void A_new_member_is_stored_tidied_up_and_recorded_in_the_history()
    {
        var group = new GroupBuilder().Build();
        var stampBefore = group.ConcurrencyStamp;

        var member = group.AddMember(
            MemberDetails.Person("  Anna ", " Becker ", "  Anna.Becker@Example.ORG ", Day("1985-04-12"), Day("2022-08-20"),
                isMainContact: true, phone: "   "),
            Permanent(), Today, Actor, Now);

        group.Members.ShouldHaveSingleItem().ShouldBeSameAs(member);
        member.DisplayName.ShouldBe("Anna Becker");
        member.Email.ShouldBe("anna.becker@example.org");
        member.Phone.ShouldBeNull();
        member.IsMainContact.ShouldBeTrue();
        group.MainContactCount.ShouldBe(1);
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
        var entry = group.History.Last();
        entry.Action.ShouldBe(GroupAction.MemberAdded);
        entry.Details.ShouldBe("Anna Becker");
        entry.ActorName.ShouldBe(Actor.Name);
    }

    [Theory]
    [InlineData("mitglied1@example.org")]
    [InlineData("MITGLIED1@EXAMPLE.ORG")]
    [InlineData("  Mitglied1@Example.org  ")]
    [InlineData("\tmitglied1@example.ORG\n")]
    public void A_second_member_with_the_same_email_is_refused(string email)
    {
        var group = new GroupBuilder().WithMembers(2).Build();

        var errors = AddErrors(group, MemberDetails.Person("Jana", "Kurz", email, Day("1990-02-03")), Permanent());

        errors.ShouldHaveSingleItem()
            .ShouldBe("Die E-Mail-Adresse mitglied1@example.org gehört schon zu einem anderen Mitglied dieser Gruppe.");
        group.Members.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(PilotDay)]
    [InlineData(PermanentDay)]
    public void A_third_main_contact_is_refused_while_rules_require_two(string date)
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Build();

        var errors = AddErrors(group, Person("Jana", isMainContact: true), TestRuleSets.InForceOn(Day(date)), Day(date));

        errors.ShouldHaveSingleItem()
            .ShouldBe("Es gibt schon 2 Hauptansprechpersonen. Nehmen Sie zuerst bei einem anderen Mitglied die Markierung zurück.");
        group.MainContactCount.ShouldBe(2);
        group.Members.Count.ShouldBe(3);
    }

    [Fact]
    public void A_further_member_who_is_not_a_main_contact_is_welcome_beside_two_main_contacts()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Build();

        group.AddMember(Person("Jana"), Permanent(), Today, Actor, Now);

        group.Members.Count.ShouldBe(4);
        group.MainContactCount.ShouldBe(2);
    }

    [Fact]
    public void On_a_day_without_rules_main_contacts_are_only_counted_at_submission()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Build();

        group.AddMember(Person("Jana", isMainContact: true), rulesInForce: null, Day("2019-01-01"), Actor, Now);

        group.MainContactCount.ShouldBe(3);
    }

    [Fact]
    public void An_under_age_member_is_refused_and_told_when_they_come_of_age()
    {
        var group = new GroupBuilder().Build();

        var errors = AddErrors(group, MemberDetails.Person("Jana", "Kurz", "jana@example.org", Day("2004-09-02")), Permanent());

        errors.ShouldHaveSingleItem()
            .ShouldBe("Mitglieder müssen volljährig sein; Jana Kurz ist erst am 02.09.2022 18 Jahre alt.");
        group.Members.ShouldBeEmpty();
    }

    [Fact]
    public void A_member_may_join_on_their_18th_birthday()
    {
        var group = new GroupBuilder().Build();

        group.AddMember(MemberDetails.Person("Jana", "Kurz", "jana@example.org", Day("2004-09-01")), Permanent(), Today, Actor, Now);

        group.Members.ShouldHaveSingleItem().DisplayName.ShouldBe("Jana Kurz");
    }

    [Fact]
    public void A_natural_person_needs_a_date_of_birth()
    {
        var group = new GroupBuilder().Build();
        var details = new MemberDetails(MemberKind.NaturalPerson, "Jana", "Kurz", null, null, "jana@example.org", null,
            DateOfBirth: null, TrainingDate: null, IsMainContact: false);

        AddErrors(group, details, Permanent()).ShouldHaveSingleItem().ShouldBe("Bitte geben Sie das Geburtsdatum an.");
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused()
    {
        var group = new GroupBuilder().Build();

        var errors = AddErrors(group, MemberDetails.Person("Jana", "Kurz", "jana@example.org", Day("2022-09-02")), Permanent());

        errors.ShouldHaveSingleItem().ShouldBe("Das Geburtsdatum (02.09.2022) liegt in der Zukunft.");
    }

    [Fact]
    public void A_training_date_in_the_future_is_refused()
    {
        var group = new GroupBuilder().Build();

        var errors = AddErrors(group, Person("Jana", trainingDate: Day("2022-09-15")), Permanent());

        errors.ShouldHaveSingleItem()
            .ShouldBe("Das Schulungsdatum (15.09.2022) liegt in der Zukunft; tragen Sie es nach der Schulung ein.");
    }

    [Fact]
    public void A_training_today_may_be_entered()
    {
        var group = new GroupBuilder().Build();

        var member = group.AddMember(Person("Jana", trainingDate: Today), Permanent(), Today, Actor, Now);

        member.TrainingDate.ShouldBe(Today);
        member.IsTrainedBy(Today).ShouldBeTrue();
    }

    [Fact]
    public void A_legal_person_is_refused_while_the_pilot_rules_are_in_force()
    {
        var group = new GroupBuilder().Build();

        var errors = AddErrors(group, Organisation(), TestRuleSets.InForceOn(Day(PilotDay)), Day(PilotDay));

        errors.ShouldHaveSingleItem().ShouldBe("Nach den Regeln „NesT Pilotphase“ können keine juristischen Personen Mitglied sein.");
        group.Members.ShouldBeEmpty();
    }

    [Fact]
    public void A_legal_person_is_accepted_under_the_permanent_rules_without_a_date_of_birth()
    {
        var group = new GroupBuilder().Build();

        var member = group.AddMember(Organisation(), Permanent(), Today, Actor, Now);

        member.Kind.ShouldBe(MemberKind.LegalPerson);
        member.DisplayName.ShouldBe("Diakonie Ruhr e. V. (vertreten durch Petra Vogel)");
        member.DateOfBirth.ShouldBeNull();
    }

    [Fact]
    public void All_problems_with_a_member_are_named_together()
    {
        var group = new GroupBuilder().WithMembers(2).WithMainContacts(2).Build();
        var details = MemberDetails.Person("Jana", "Kurz", "MITGLIED2@example.org", Day("2010-01-01"),
            trainingDate: Day("2022-10-01"), isMainContact: true);

        var errors = AddErrors(group, details, Permanent());

        errors.ShouldBe(
        [
            "Die E-Mail-Adresse mitglied2@example.org gehört schon zu einem anderen Mitglied dieser Gruppe.",
            "Mitglieder müssen volljährig sein; Jana Kurz ist erst am 01.01.2028 18 Jahre alt.",
            "Das Schulungsdatum (01.10.2022) liegt in der Zukunft; tragen Sie es nach der Schulung ein.",
            "Es gibt schon 2 Hauptansprechpersonen. Nehmen Sie zuerst bei einem anderen Mitglied die Markierung zurück.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_refused_member_leaves_the_group_as_it_was()
    {
        var group = new GroupBuilder().WithMembers(2).Build();
        var stampBefore = group.ConcurrencyStamp;
        var historyBefore = group.History.Count;

        AddErrors(group, MemberDetails.Person("Jana", "Kurz", "jana@example.org", Day("2030-01-01")), Permanent());

        group.Members.Count.ShouldBe(2);
        group.History.Count.ShouldBe(historyBefore);
        group.ConcurrencyStamp.ShouldBe(stampBefore);
    }

    [Fact]
    public void A_member_can_be_edited()
    {
        var group = new GroupBuilder().WithMembers(3).Build();
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(3));
        var stampBefore = group.ConcurrencyStamp;

        group.ChangeMember(member.Id,
            MemberDetails.Person("Leyla", "Yilmaz-Berg", "leyla.berg@example.org", Day("1963-04-04"), Day("2022-08-30"), phone: "0171 123456"),
            Permanent(), Today, Actor, Now);

        var changed = group.FindMember(member.Id);
        changed.DisplayName.ShouldBe("Leyla Yilmaz-Berg");
        changed.Email.ShouldBe("leyla.berg@example.org");
        changed.Phone.ShouldBe("0171 123456");
        changed.TrainingDate.ShouldBe(Day("2022-08-30"));
        group.Members.Count.ShouldBe(3);
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
        group.History.Last().Action.ShouldBe(GroupAction.MemberChanged);
        group.History.Last().Details.ShouldBe("Leyla Yilmaz-Berg");
    }

    [Fact]
    public void A_member_keeps_their_own_email_when_edited_even_written_differently()
    {
        var group = new GroupBuilder().WithMembers(3).Build();
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2));

        group.ChangeMember(member.Id, GroupBuilder.PersonDetails(2) with { Email = " MITGLIED2@Example.org" }, Permanent(), Today, Actor, Now);

        group.FindMember(member.Id).Email.ShouldBe("mitglied2@example.org");
    }

    [Fact]
    public void A_member_cannot_take_another_members_email()
    {
        var group = new GroupBuilder().WithMembers(3).Build();
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2));

        var exception = Should.Throw<DomainException>(() => group.ChangeMember(member.Id,
            GroupBuilder.PersonDetails(2) with { Email = GroupBuilder.EmailOf(3) }, Permanent(), Today, Actor, Now));

        exception.Errors.ShouldHaveSingleItem().Format()
            .ShouldBe("Die E-Mail-Adresse mitglied3@example.org gehört schon zu einem anderen Mitglied dieser Gruppe.");
        group.FindMember(member.Id).Email.ShouldBe(GroupBuilder.EmailOf(2));
    }

    [Theory]
    [InlineData(PilotDay)]
    [InlineData(PermanentDay)]
    public void Editing_a_member_into_a_third_main_contact_is_refused(string date)
    {
        var group = new GroupBuilder().WithMembers(4).WithMainContacts(2).Build();
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(3));
        var historyBefore = group.History.Count;

        var exception = Should.Throw<DomainException>(() => group.ChangeMember(member.Id,
            GroupBuilder.PersonDetails(3, isMainContact: true), TestRuleSets.InForceOn(Day(date)), Day(date), Actor, Now));

        exception.Errors.ShouldHaveSingleItem().Format().ShouldStartWith("Es gibt schon 2 Hauptansprechpersonen.");
        group.FindMember(member.Id).IsMainContact.ShouldBeFalse();
        group.MainContactCount.ShouldBe(2);
        group.History.Count.ShouldBe(historyBefore);
    }

    [Fact]
    public void A_main_contact_can_still_edit_their_own_details()
    {
        var group = new GroupBuilder().WithMembers(4).WithMainContacts(2).Build();
        var mainContact = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(1));

        group.ChangeMember(mainContact.Id, GroupBuilder.PersonDetails(1, isMainContact: true) with { Phone = "0234 999999" },
            Permanent(), Today, Actor, Now);

        var changed = group.FindMember(mainContact.Id);
        changed.IsMainContact.ShouldBeTrue();
        changed.Phone.ShouldBe("0234 999999");
        group.MainContactCount.ShouldBe(2);
    }

    [Fact]
    public void The_main_contact_role_can_be_handed_to_another_member()
    {
        var group = new GroupBuilder().WithMembers(4).WithMainContacts(2).Build();
        var leaving = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2));
        var taking = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(4));

        group.ChangeMember(leaving.Id, GroupBuilder.PersonDetails(2, isMainContact: false), Permanent(), Today, Actor, Now);
        group.ChangeMember(taking.Id, GroupBuilder.PersonDetails(4, isMainContact: true), Permanent(), Today, Actor, Now);

        group.Members.Where(m => m.IsMainContact).Select(m => m.DisplayName)
            .ShouldBe([GroupBuilder.DisplayNameOf(1), GroupBuilder.DisplayNameOf(4)], ignoreOrder: true);
    }

    [Fact]
    public void An_edit_is_checked_like_a_new_member()
    {
        var group = new GroupBuilder().WithMembers(2).Build();
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2));

        var exception = Should.Throw<DomainException>(() => group.ChangeMember(member.Id,
            GroupBuilder.PersonDetails(2) with { DateOfBirth = Day("2023-01-01") }, Permanent(), Today, Actor, Now));

        exception.Errors.ShouldHaveSingleItem().Format().ShouldBe("Das Geburtsdatum (01.01.2023) liegt in der Zukunft.");
        group.FindMember(member.Id).DateOfBirth.ShouldNotBe(Day("2023-01-01"));
    }

    [Fact]
    public void A_member_can_be_removed()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Build();
        var leaving = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2));
        var stampBefore = group.ConcurrencyStamp;

        group.RemoveMember(leaving.Id, Actor, Now);

        group.Members.Select(m => m.DisplayName)
            .ShouldBe([GroupBuilder.DisplayNameOf(1), GroupBuilder.DisplayNameOf(3)], ignoreOrder: true);
        group.MainContactCount.ShouldBe(1);
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
        group.History.Last().Action.ShouldBe(GroupAction.MemberRemoved);
        group.History.Last().Details.ShouldBe(GroupBuilder.DisplayNameOf(2));
        Should.Throw<DomainException>(() => group.FindMember(leaving.Id));
    }

    [Fact]
    public void After_removing_a_main_contact_another_member_can_become_one()
    {
        var group = new GroupBuilder().WithMembers(3).WithMainContacts(2).Build();

        group.RemoveMember(GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(1)).Id, Actor, Now);
        group.AddMember(Person("Jana", isMainContact: true), Permanent(), Today, Actor, Now);

        group.MainContactCount.ShouldBe(2);
    }

    [Fact]
    public void An_email_of_a_removed_member_can_be_used_again()
    {
        var group = new GroupBuilder().WithMembers(2).Build();

        group.RemoveMember(GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(2)).Id, Actor, Now);
        group.AddMember(Person("Jana") with { Email = GroupBuilder.EmailOf(2) }, Permanent(), Today, Actor, Now);

        group.Members.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("change")]
    [InlineData("remove")]
    [InlineData("details")]
    public void Members_and_details_cannot_be_changed_after_submission(string command)
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Submitted(Permanent(), Today);
        var member = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(3));
        var stampBefore = group.ConcurrencyStamp;
        var historyBefore = group.History.Count;

        Action act = command switch
        {
            "add" => () => group.AddMember(Person("Jana"), Permanent(), Today, Actor, Now),
            "change" => () => group.ChangeMember(member.Id, GroupBuilder.PersonDetails(3) with { Phone = "0" }, Permanent(), Today, Actor, Now),
            "remove" => () => group.RemoveMember(member.Id, Actor, Now),
            _ => () => group.ChangeDetails("Neuer Name", group.HomeMunicipalityAgs, "Neuer Plan", Actor, Now),
        };

        var exception = Should.Throw<DomainException>(act);

        exception.Errors.ShouldHaveSingleItem().Format().ShouldBe(
            "Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
        group.Members.Count.ShouldBe(4);
        group.Name.ShouldBe(GroupBuilder.DefaultName);
        group.FindMember(member.Id).Phone.ShouldNotBe("0");
        group.History.Count.ShouldBe(historyBefore);
        group.ConcurrencyStamp.ShouldBe(stampBefore);
    }

    [Fact]
    public void Members_cannot_be_changed_after_approval_but_a_replacement_can_join()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Submitted(Permanent(), Today);
        group.RecordSecurityCheck(Today, SecurityCheckResult.Passed, Today, GroupBuilder.Staff, Now);
        group.Approve(GroupBuilder.Staff, Now);
        var first = group.Members.First();

        Should.Throw<DomainException>(() => group.ChangeMember(first.Id, Person("Jana"), Permanent(), Today, Actor, Now));
        Should.Throw<DomainException>(() => group.RemoveMember(first.Id, Actor, Now));
        group.AddMember(Person("Jana"), Permanent(), Today, Actor, Now);
        group.Members.Count.ShouldBe(5);
    }

    [Fact]
    public void A_member_is_found_by_id()
    {
        var group = new GroupBuilder().WithMembers(3).Build();
        var third = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(3));

        group.FindMember(third.Id).Email.ShouldBe(GroupBuilder.EmailOf(3));
    }

    [Theory]
    [InlineData("find")]
    [InlineData("change")]
    [InlineData("remove")]
    public void An_unknown_member_id_is_refused(string command)
    {
        var group = new GroupBuilder().WithMembers(3).Build();
        const int unknownId = 999;

        Action act = command switch
        {
            "find" => () => group.FindMember(unknownId),
            "change" => () => group.ChangeMember(unknownId, Person("Jana"), Permanent(), Today, Actor, Now),
            _ => () => group.RemoveMember(unknownId, Actor, Now),
        };

        Should.Throw<DomainException>(act).Message.ShouldBe("Dieses Mitglied gehört nicht zu dieser Gruppe.");
        group.Members.Count.ShouldBe(3);
    }

    [Fact]
    public void A_member_of_another_group_is_not_found()
    {
        var ours = new GroupBuilder().WithMembers(2).Build();
        var theirs = new GroupBuilder().WithMembers(5).Build();
        var foreignMember = GroupBuilder.Member(theirs, GroupBuilder.DisplayNameOf(5));

        Should.Throw<DomainException>(() => ours.RemoveMember(foreignMember.Id, Actor, Now));
        ours.Members.Count.ShouldBe(2);
    }

    private static ProgrammeRuleSet Permanent() => TestRuleSets.InForceOn(Today)!;

    private static MemberDetails Person(string givenName, bool isMainContact = false, DateOnly? trainingDate = null) =>
        MemberDetails.Person(givenName, "Kurz", $"{givenName.ToLowerInvariant()}.kurz@example.org", Day("1990-02-03"),
            trainingDate ?? EarlyTrainingDate, isMainContact);

    private static MemberDetails Organisation() =>
        MemberDetails.Organisation("Diakonie Ruhr e. V.", "Petra Vogel", "info@diakonie-ruhr.example", EarlyTrainingDate);

    private static List<string> AddErrors(MentoringGroup group, MemberDetails details, ProgrammeRuleSet? rules, DateOnly? today = null)
    {
        var exception = Should.Throw<DomainException>(() => group.AddMember(details, rules, today ?? Today, Actor, Now));
        return exception.Errors.Select(e => e.Format()).ToList();
    }
}
