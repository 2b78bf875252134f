using NestPortal.Web.Texts;
using static NestPortal.Web.Tests.Texts.Localized;

namespace NestPortal.Web.Tests.Texts;

/// <summary>Regression: the log showed "Art: Conference" and "RecordedAtUtc" for outreach; values read in words, stamps stay out.</summary>
public sealed class AuditTextsTests
{
    [Theory]
    [InlineData("de-DE", "OutreachEvent", "Kind", "Conference", "Fachtag oder Veranstaltung")]
    [InlineData("en", "OutreachEvent", "Kind", "Conference", "Conference or event")]
    [InlineData("de-DE", "EscrowEntry", "Kind", "RentPayment", "Mietzahlung")]
    [InlineData("de-DE", "EscrowEntry", "Kind", "Deposit", "Einzahlung")]
    [InlineData("de-DE", "Mentor", "IsMainContact", "True", "ja")]
    public void Choices_read_in_words(string culture, string entityType, string field, string value, string expected) =>
        In(culture, () => AuditTexts.Value(L, entityType, field, value)).ShouldBe(expected);

    [Fact]
    public void Creation_stamps_are_bookkeeping_and_not_shown() =>
        AuditTexts.HiddenFields.ShouldContain("RecordedAtUtc");
}
