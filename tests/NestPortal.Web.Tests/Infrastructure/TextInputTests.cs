using NestPortal.Web.Infrastructure;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Tests.Infrastructure;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("Müller-Lüdenscheidt", false, true)]
    [InlineData("Ağa Ömer", false, true)]
    [InlineData("Zeile eins\r\nZeile zwei", true, true)]
    [InlineData("Zeile eins\r\nZeile zwei", false, false)]
    [InlineData("Tab\there", false, false)]
    [InlineData("Tab\there", true, true)]
    [InlineData("Zero\u200Bwidth", true, false)]
    [InlineData("evil\u202Etxt.exe", true, false)]
    [InlineData("isolate\u2066x\u2069", false, false)]
    [InlineData("bom\uFEFF", false, false)]
    [InlineData("soft\u00ADhyphen", false, false)]
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", false, true)] // Persian with a zero-width non-joiner
    [InlineData("bell\u0007", true, false)]
    public void Clean_text_has_no_invisible_characters_and_line_breaks_only_where_several_lines_are_allowed(string text, bool multiLine, bool clean) =>
        TextInput.IsClean(text, multiLine).ShouldBe(clean);

    [Theory]
    [InlineData("a\0b", true)]
    [InlineData("esc\u001B", true)]
    [InlineData("pair \uD83D\uDE00 ok", false)]
    [InlineData("line\r\nbreak\ttab", false)]
    [InlineData("zero\u200Bwidth", false)]
    public void A_request_is_malformed_only_for_characters_no_form_sends(string text, bool malformed) =>
        TextInput.IsMalformed(text).ShouldBe(malformed);

    [Fact]
    public void A_lone_surrogate_is_malformed()
    {
        // Built here: attribute arguments are stored as UTF-8, which has no lone surrogates.
        TextInput.IsMalformed("lone " + (char)0xD800 + " high").ShouldBeTrue();
        TextInput.IsMalformed("lone " + (char)0xDC00 + " low").ShouldBeTrue();
        TextInput.IsMalformed("end " + (char)0xD800).ShouldBeTrue();
    }

    [Theory]
    [InlineData("name@example.org", true)]
    [InlineData("vorname.nachname+nest@stadt-dortmund.de", true)]
    [InlineData("kfi@demo.nestportal.invalid", true)]
    [InlineData("info@münster.de", true)]
    [InlineData("x@y..z", false)]
    [InlineData("a b@example.org", false)]
    [InlineData("name@-example.org", false)]
    [InlineData("name@example", false)]
    [InlineData("Erika <erika@example.org>", false)]
    [InlineData("erika@example.org, boss@example.org", false)]
    [InlineData(" erika@example.org ", true)]
    [InlineData("no-at-sign", false)]
    public void The_portal_takes_only_addresses_its_mailer_can_send_to(string address, bool valid) =>
        MailAddresses.CanSendTo(address).ShouldBe(valid);
}
