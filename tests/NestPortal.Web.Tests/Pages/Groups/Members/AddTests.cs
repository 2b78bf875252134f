using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

public sealed class AddTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Groups/Members/Add/{id}";
    private static DateOnly Today => TestGroups.Today;

    private async Task<int> GroupAsync(string name, int members = 2, DateOnly? submittedOn = null) =>
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, members: members, submittedOn: submittedOn);

    [Fact]
    public async Task Mentor_adds_four_members_including_a_legal_person_and_the_group_waits_only_for_their_confirmation()
    {
        var id = await GroupAsync("Add Vier Mitglieder", members: 0);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        Dictionary<string, string>[] members =
        [
            MemberFields.Person("Hanna", "Albers", "hanna.albers@beispiel.invalid", Today.AddYears(-45), Today.AddMonths(-3), mainContact: true, phone: "+49 231 123456"),
            MemberFields.Person("Emre", "Kaya", "emre.kaya@beispiel.invalid", Today.AddYears(-18), Today.AddDays(-1), mainContact: true),
            MemberFields.Person("Lotte", "Brink", "lotte.brink@beispiel.invalid", Today.AddYears(-70), Today),
            MemberFields.Organisation("Kirchengemeinde St. Marien", "Pfarrerin Anna Roth", "kontakt@st-marien.invalid", Today.AddMonths(-2)),
        ];
        foreach (var member in members)
        {
            var response = await client.PostFormAsync(Url(id), member);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", (await response.ReadHtmlAsync()).Errors()));
            response.Location().ShouldBe($"/Groups/Details/{id}");
        }

        var details = await client.GetPageAsync($"/Groups/Details/{id}");
        details.MainText().ShouldContain("Das Mitglied ist eingetragen. Es hat eine Einladung erhalten, um seine Angaben zu bestätigen.");
        // Everything but the members' own confirmation (ADR 0028) is there.
        details.QuerySelectorAll(".checklist li.missing").Select(li => li.TextContent.Trim()).ShouldBe(
            ["Noch nicht bestätigt: Hanna Albers, Emre Kaya, Lotte Brink, Kirchengemeinde St. Marien (vertreten durch Pfarrerin Anna Roth). Jedes Mitglied bestätigt seine Angaben über den Link in seiner Einladung."]);
        details.MainText().ShouldContain("Kirchengemeinde St. Marien (vertreten durch Pfarrerin Anna Roth)");
        details.MainText().ShouldContain("Mitglieder (4)");

        var saved = await factory.LoadGroupAsync(id);
        saved.Members.Count.ShouldBe(4);
        saved.MainContactCount.ShouldBe(2);
        var hanna = saved.Members.Single(m => m.Email == "hanna.albers@beispiel.invalid");
        hanna.Phone.ShouldBe("+49 231 123456");
        hanna.DateOfBirth.ShouldBe(Today.AddYears(-45));
        hanna.TrainingDate.ShouldBe(Today.AddMonths(-3));
        var church = saved.Members.Single(m => m.Kind == MemberKind.LegalPerson);
        church.OrganisationName.ShouldBe("Kirchengemeinde St. Marien");
        church.IsMainContact.ShouldBeFalse();
        saved.History.Count(h => h.Action == GroupAction.MemberAdded).ShouldBe(4);
    }

    [Fact]
    public async Task Form_offers_legal_persons_under_the_permanent_rules()
    {
        var id = await GroupAsync("Add Formular");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url(id));
        page.QuerySelector("h1")!.TextContent.ShouldBe("Mitglied hinzufügen");
        page.MainText().ShouldContain("Add Formular");
        var kinds = page.QuerySelectorAll("select[name='Input.Kind'] option").Select(o => o.GetAttribute("value")).ToList();
        kinds.ShouldBe(["NaturalPerson", "LegalPerson"]);
    }

    [Fact]
    public async Task Every_label_names_its_field()
    {
        var id = await GroupAsync("Add Beschriftungen");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url(id));
        foreach (var label in page.QuerySelectorAll("main form label"))
        {
            var target = label.GetAttribute("for");
            page.GetElementById(target ?? "").ShouldNotBeNull($"the label „{label.TextContent.Trim()}“ points to id '{target}', which no field has");
        }
    }

    [Fact]
    public async Task Email_without_at_sign_is_refused()
    {
        var fields = MemberFields.Adult("Paula", "Ohneat", "paula.beispiel.invalid");
        var page = await RefusedAsync("Add Ohne At", fields);
        page.ShouldShowError("E-Mail-Adresse");
        page.ValueOf("Input.Email").ShouldBe("paula.beispiel.invalid");
        page.ValueOf("Input.GivenName").ShouldBe("Paula");
    }

    [Fact]
    public async Task Duplicate_email_in_other_case_is_refused()
    {
        var id = await GroupAsync("Add Doppelte Adresse");
        var existing = (await factory.LoadGroupAsync(id)).Members.First().Email;
        var fields = MemberFields.Adult("Doppelt", "Gemeldet", existing.ToUpperInvariant());
        var page = await RefusedAsync(id, fields);
        page.ShouldShowError($"Die E-Mail-Adresse {existing} gehört schon zu einem anderen Mitglied dieser Gruppe.");
        page.ValueOf("Input.Email").ShouldBe(existing.ToUpperInvariant());
    }

    [Fact]
    public async Task Date_of_birth_in_the_future_is_refused()
    {
        var born = Today.AddDays(30);
        var fields = MemberFields.Person("Zukunft", "Geboren", "zukunft@beispiel.invalid", born, Today.AddMonths(-1));
        var page = await RefusedAsync("Add Geburt Zukunft", fields);
        page.ShouldShowError($"Das Geburtsdatum ({born.German()}) liegt in der Zukunft.");
        page.ValueOf("Input.DateOfBirth").ShouldBe(born.Iso());
    }

    [Fact]
    public async Task Impossible_date_of_birth_is_refused()
    {
        var fields = MemberFields.Person("Februar", "Dreissig", "februar@beispiel.invalid", "2023-02-30", Today.AddMonths(-1).Iso());
        var page = await RefusedAsync("Add Unmögliches Datum", fields);
        page.ShouldShowError("Geburtsdatum");
        page.Errors().ShouldNotContain(e => e.Contains("DateOfBirth"), "the code name of the field instead of its German label");
        page.ValueOf("Input.DateOfBirth").ShouldBe("2023-02-30");
        page.ValueOf("Input.GivenName").ShouldBe("Februar");
    }

    [Fact]
    public async Task Member_under_18_is_refused()
    {
        var born = Today.AddYears(-10);
        var fields = MemberFields.Person("Kind", "Zehnjährig", "kind@beispiel.invalid", born, Today.AddMonths(-1));
        var page = await RefusedAsync("Add Minderjährig", fields);
        page.ShouldShowError($"Mitglieder müssen volljährig sein; Kind Zehnjährig ist erst am {born.AddYears(18).German()} 18 Jahre alt.");
        page.ValueOf("Input.DateOfBirth").ShouldBe(born.Iso());
    }

    [Fact]
    public async Task Training_date_in_the_future_is_refused()
    {
        var trained = Today.AddDays(14);
        var fields = MemberFields.Person("Schulung", "Morgen", "schulung@beispiel.invalid", Today.AddYears(-30), trained);
        var page = await RefusedAsync("Add Schulung Zukunft", fields);
        page.ShouldShowError($"Das Schulungsdatum ({trained.German()}) liegt in der Zukunft; tragen Sie es nach der Schulung ein.");
        page.ValueOf("Input.TrainingDate").ShouldBe(trained.Iso());
    }

    [Fact]
    public async Task Third_main_contact_is_refused()
    {
        var fields = MemberFields.Adult("Dritte", "Ansprechperson", "dritte@beispiel.invalid", mainContact: true);
        var page = await RefusedAsync("Add Dritte Hauptansprechperson", fields);
        page.ShouldShowError("Es gibt schon 2 Hauptansprechpersonen. Nehmen Sie zuerst bei einem anderen Mitglied die Markierung zurück.");
        (page.QuerySelector("input[name='Input.IsMainContact']") as IHtmlInputElement)!.IsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task Legal_person_without_organisation_name_is_refused()
    {
        var fields = MemberFields.Organisation("", "Vorstand Peter Kahl", "verein@beispiel.invalid", Today.AddMonths(-1));
        var page = await RefusedAsync("Add Verein ohne Namen", fields);
        page.ShouldShowError("Name der Organisation");
        page.ValueOf("Input.RepresentativeName").ShouldBe("Vorstand Peter Kahl");
        page.ValueOf("Input.Email").ShouldBe("verein@beispiel.invalid");
        page.QuerySelector("select[name='Input.Kind'] option[selected]")!.GetAttribute("value").ShouldBe("LegalPerson");
    }

    [Fact]
    public async Task Stale_version_is_refused_after_someone_else_changed_the_group()
    {
        var id = await GroupAsync("Add Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var shownVersion = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Plan aus dem anderen Tab", actor, now));
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(Url(id),
            new Dictionary<string, string>(MemberFields.Adult("Späte", "Eingabe", "spaet@beispiel.invalid")) { ["Version"] = shownVersion });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        page.ValueOf("Input.Email").ShouldBe("spaet@beispiel.invalid");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Submitted_group_takes_no_new_members()
    {
        var id = await GroupAsync("Add Eingereicht", members: 4, submittedOn: Today);
        var page = await RefusedAsync(id, MemberFields.Adult("Nach", "Einreichung", "nach@beispiel.invalid"), openedBefore: true);
        page.ShouldShowError("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var id = await GroupAsync("Add Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url(id), MemberFields.Adult("Anonym", "Person", "anonym@beispiel.invalid")).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var id = await GroupAsync($"Add Staff {role}");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url(id), MemberFields.Adult("Staff", "Person", "staff@beispiel.invalid")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var id = await GroupAsync("Add Fremdgruppe Kornblume");
        var before = await factory.LoadGroupAsync(id);
        var (client, mentorB) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Url(id), MemberFields.Adult("Bernd", "Eindringling", mentorB.Email))
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal("Kornblume");
        post.ShouldNotReveal("Kornblume");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Mentor_listed_as_member_can_add_members()
    {
        var member = await factory.CreateMentorAsync();
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Add Mitglied darf", members: 2, memberEmails: [member.Email]);
        var client = await factory.SignedInAsync(member.Email, member.Password);

        var response = await client.PostFormAsync(Url(id), MemberFields.Adult("Neu", "Hinzu", "neu.hinzu@beispiel.invalid"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(id)).Members.Count.ShouldBe(3);
    }

    private async Task<IHtmlDocument> RefusedAsync(string groupName, Dictionary<string, string> fields) =>
        await RefusedAsync(await GroupAsync(groupName), fields);

    /// <summary>Posts the member form and checks it comes back (200) with the group unchanged.</summary>
    private async Task<IHtmlDocument> RefusedAsync(int id, Dictionary<string, string> fields, bool openedBefore = false)
    {
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var response = openedBefore
            ? await client.PostFormOpenedBeforeAsync(Url(id), fields, before.ConcurrencyStamp)
            : await client.PostFormAsync(Url(id), fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        return await response.ReadHtmlAsync();
    }

    /// <summary>Regression: "This field is required." on German pages.</summary>
    [Fact]
    public async Task Browser_side_messages_are_in_the_pages_language()
    {
        var id = await GroupAsync("Add Sprache der Meldungen");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var german = await client.GetPageAsync(Url(id));
        var english = await client.GetPageAsync(Url(id) + "?culture=en");

        // MVC's implicit rule for a yes/no field, in the page's language instead of "The IsMainContact field is required."
        german.QuerySelector("#Input_IsMainContact")!.GetAttribute("data-val-required").ShouldBe("Bitte geben Sie einen Wert an.");
        english.QuerySelector("#Input_IsMainContact")!.GetAttribute("data-val-required").ShouldBe("Please enter a value.");
        // FluentValidation's rules, worded naturally.
        german.QuerySelector("#Input_Email")!.GetAttribute("data-val-required").ShouldBe("Bitte füllen Sie „E-Mail-Adresse“ aus.");
        english.QuerySelector("#Input_Email")!.GetAttribute("data-val-required").ShouldBe("Please fill in “Email address”.");
        // jquery-validation's own messages (HTML required, type="email") in German, from a file (no inline script under the CSP).
        var messages = Scripts(german).Where(src => src.StartsWith("/js/validation-messages-de.")).ShouldHaveSingleItem();
        Scripts(german).IndexOf(messages).ShouldBeGreaterThan(Scripts(german).FindIndex(src => src.Contains("jquery.validate.min")), "after the library it translates");
        Scripts(english).ShouldNotContain(src => src.StartsWith("/js/validation-messages-de."));
        german.QuerySelectorAll("script:not([src])").ShouldBeEmpty();
        var file = await client.GetStringAsync(messages);
        file.ShouldContain("required: 'Bitte füllen Sie dieses Feld aus.'");

        static List<string> Scripts(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
    }
}
