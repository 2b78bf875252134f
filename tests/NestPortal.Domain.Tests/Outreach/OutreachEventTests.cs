using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Outreach;

public class OutreachEventTests
{
    private static readonly DateOnly Today = Day("2023-06-30");
    private static readonly Actor Staff = new("kfi-1", "Klara Kompetenz");
    private static readonly DateTime Now = new(2023, 6, 30, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Ags Koeln = Ags.Parse("05315000");
    private static readonly Ags Dortmund = Ags.Parse("05913000");
    private static readonly Ags Bielefeld = Ags.Parse("05711000");

    private static OutreachEvent Record(DateOnly? heldOn = null, string title = "Fachtag NesT in Köln", OutreachKind kind = OutreachKind.Conference,
        string? note = null, Ags[]? invited = null, Ags[]? informed = null) =>
        OutreachEvent.Record(heldOn ?? Day("2021-09-14"), title, kind, note, invited ?? [Koeln, Dortmund], informed ?? [Koeln], Today, Staff, Now);

    private static IEnumerable<string> Templates(Action action) =>
        Should.Throw<DomainException>(action).Errors.Select(e => e.Template);

    [Fact]
    public void Recording_keeps_the_details_trimmed_and_who_recorded_it()
    {
        var outreach = Record(title: "  Fachtag NesT in Köln  ", note: "  60 Teilnehmende  ");

        outreach.Title.ShouldBe("Fachtag NesT in Köln");
        outreach.Note.ShouldBe("60 Teilnehmende");
        outreach.HeldOn.ShouldBe(Day("2021-09-14"));
        outreach.Kind.ShouldBe(OutreachKind.Conference);
        outreach.RecordedByName.ShouldBe("Klara Kompetenz");
        outreach.RecordedAtUtc.ShouldBe(Now);
        outreach.ConcurrencyStamp.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void A_blank_note_is_kept_as_none()
    {
        Record(note: "   ").Note.ShouldBeNull();
    }

    [Fact]
    public void An_informed_municipality_counts_as_invited_too()
    {
        var outreach = Record(invited: [Dortmund], informed: [Koeln]);

        outreach.InvitedCount.ShouldBe(2);
        outreach.InformedCount.ShouldBe(1);
        outreach.Municipalities.Single(m => m.MunicipalityAgs == Koeln).Informed.ShouldBeTrue();
        outreach.Municipalities.Single(m => m.MunicipalityAgs == Dortmund).Informed.ShouldBeFalse();
    }

    [Fact]
    public void A_municipality_named_twice_is_one_row()
    {
        var outreach = Record(invited: [Koeln, Koeln, Dortmund], informed: [Koeln, Koeln]);

        outreach.Municipalities.Count.ShouldBe(2);
        outreach.InformedCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string title)
    {
        Templates(() => Record(title: title)).ShouldContain("Bitte geben Sie einen Titel an.");
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused_but_the_limit_itself_is_fine()
    {
        Record(title: new string('T', OutreachEvent.TitleMaxLength)).Title.Length.ShouldBe(OutreachEvent.TitleMaxLength);
        Templates(() => Record(title: new string('T', OutreachEvent.TitleMaxLength + 1)))
            .ShouldContain("Der Titel darf höchstens {0} Zeichen lang sein.");
    }

    [Fact]
    public void A_date_in_the_future_is_refused_today_is_fine()
    {
        Record(heldOn: Today).HeldOn.ShouldBe(Today);
        var error = Should.Throw<DomainException>(() => Record(heldOn: Today.AddDays(1))).Errors.Single();
        error.Template.ShouldStartWith("Das Datum ({0:dd.MM.yyyy}) liegt in der Zukunft");
        error.Format().ShouldContain("01.07.2023");
    }

    [Fact]
    public void A_date_before_2019_is_refused_the_first_of_january_2019_is_fine()
    {
        Record(heldOn: Day("2019-01-01")).HeldOn.ShouldBe(OutreachEvent.EarliestDate);
        Templates(() => Record(heldOn: Day("2018-12-31"))).ShouldContain("Das Datum ({0:dd.MM.yyyy}) liegt vor dem Beginn von NesT (2019).");
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        Templates(() => Record(kind: (OutreachKind)42)).ShouldContain("Bitte wählen Sie eine Art aus der Liste.");
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        Record(note: new string('n', OutreachEvent.NoteMaxLength)).Note!.Length.ShouldBe(OutreachEvent.NoteMaxLength);
        Templates(() => Record(note: new string('n', OutreachEvent.NoteMaxLength + 1)))
            .ShouldContain("Die Notiz darf höchstens {0} Zeichen lang sein.");
    }

    [Fact]
    public void Every_broken_rule_is_named_at_once()
    {
        Templates(() => Record(heldOn: Today.AddDays(3), title: "", kind: (OutreachKind)9)).Count().ShouldBe(3);
    }

    [Fact]
    public void Changing_keeps_the_rows_of_municipalities_still_named_and_updates_whether_they_were_informed()
    {
        var outreach = Record(invited: [Koeln, Dortmund], informed: [Koeln]);
        var koelnRow = outreach.Municipalities.Single(m => m.MunicipalityAgs == Koeln);
        var dortmundRow = outreach.Municipalities.Single(m => m.MunicipalityAgs == Dortmund);
        var stamp = outreach.ConcurrencyStamp;

        outreach.Change(Day("2021-09-15"), "Fachtag NesT (verschoben)", OutreachKind.Meeting, null, [Koeln, Bielefeld], [Dortmund], Today);

        outreach.Municipalities.Count.ShouldBe(3);
        outreach.Municipalities.ShouldContain(koelnRow);
        outreach.Municipalities.ShouldContain(dortmundRow);
        koelnRow.Informed.ShouldBeFalse();
        dortmundRow.Informed.ShouldBeTrue();
        outreach.Municipalities.Single(m => m.MunicipalityAgs == Bielefeld).Informed.ShouldBeFalse();
        outreach.Title.ShouldBe("Fachtag NesT (verschoben)");
        outreach.Kind.ShouldBe(OutreachKind.Meeting);
        outreach.HeldOn.ShouldBe(Day("2021-09-15"));
        outreach.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Changing_removes_municipalities_no_longer_named()
    {
        var outreach = Record(invited: [Koeln, Dortmund], informed: []);

        outreach.Change(outreach.HeldOn, outreach.Title, outreach.Kind, null, [Dortmund], [], Today);

        outreach.Municipalities.Select(m => m.MunicipalityAgs).ShouldBe([Dortmund]);
    }

    [Fact]
    public void A_refused_change_leaves_everything_as_it_was()
    {
        var outreach = Record();
        var stamp = outreach.ConcurrencyStamp;

        Should.Throw<DomainException>(() => outreach.Change(Today.AddDays(1), "Neu", OutreachKind.Web, null, [Bielefeld], [], Today));

        outreach.Title.ShouldBe("Fachtag NesT in Köln");
        outreach.Municipalities.Select(m => m.MunicipalityAgs).ShouldBe([Koeln, Dortmund], ignoreOrder: true);
        outreach.ConcurrencyStamp.ShouldBe(stamp);
    }
}
