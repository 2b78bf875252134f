using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Web.Legal;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Legal;

/// <summary>
/// The accessibility statement (BITV NRW, directive (EU) 2016/2102) with its feedback form: anyone may
/// report a barrier; the message is queued as a mail to the competence centre's feedback mailbox.
/// </summary>
public sealed class AccessibilityModel(
    NestPortalDbContext db, IOptions<OperatorOptions> options, IValidator<AccessibilityModel.FeedbackInput> validator,
    IStringLocalizer<SharedResource> l, TimeProvider time, ILogger<AccessibilityModel> logger) : PageModel
{
    public const int MessageMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    public OperatorOptions Operator => options.Value;

    [BindProperty] public FeedbackInput Input { get; set; } = new();

    /// <summary>The feedback was queued: the page says so once, after the redirect.</summary>
    [TempData] public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        var (subject, body) = FeedbackMail(Input);
        if (!await db.TrySaveAsync(() => db.QueueMail(Operator.FeedbackMailbox, subject, body, time.UtcNow()), ModelState, l, new SaveRefusals()))
            return Page();

        logger.LogInformation("Accessibility feedback queued for the feedback mailbox");
        Sent = true;
        return RedirectToPage();
    }

    /// <summary>
    /// The mail in German whatever the page's language: the mailbox reads German. Everything the visitor
    /// typed is HTML-encoded; the message keeps its line breaks.
    /// </summary>
    private (string Subject, string Body) FeedbackMail(FeedbackInput input)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            string notGiven = l["nicht angegeben"];
            var name = Encode(input.Name) is { Length: > 0 } n ? n : notGiven;
            var email = Encode(input.Email) is { Length: > 0 } e ? e : notGiven;
            var message = string.Join("<br>", input.Message.Trim().ReplaceLineEndings("\n").Split('\n').Select(Encode));
            string subject = l["Rückmeldung zur Barrierefreiheit des NestPortals"];
            string body = l["<p>Über das Formular der Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.</p><p>Name: {0}<br>E-Mail-Adresse: {1}<br>Sprache der Seite: {2}</p><p>Nachricht:</p><p>{3}</p>",
                name, email, uiCulture.Name, message];
            return (subject, body);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Encodes markup characters but keeps letters as typed, so "Jürgen" stays readable in the mail's source.</summary>
    private static readonly HtmlEncoder MailText = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string? text) => MailText.Encode(text?.Trim() ?? string.Empty);

    public sealed class FeedbackInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        [DataType(DataType.MultilineText)]
        public string Message { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<FeedbackInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).MaximumLength(NameMaxLength)
                .WithMessage(_ => l["Der Name darf höchstens {0} Zeichen lang sein.", NameMaxLength]);
            RuleFor(x => x.Email)
                .MailAddress().WithMessage(_ => l["Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer."])
                .MaximumLength(EmailMaxLength).WithMessage(_ => l["Die E-Mail-Adresse darf höchstens {0} Zeichen lang sein.", EmailMaxLength])
                .When(x => !string.IsNullOrWhiteSpace(x.Email));
            // NotEmpty (also refuses blanks) rather than a Must: the browser's check then shows the same German message.
            RuleFor(x => x.Message).NotEmpty()
                .WithMessage(_ => l["Bitte schreiben Sie Ihre Nachricht."]);
            RuleFor(x => x.Message).MaximumLength(MessageMaxLength)
                .WithMessage(_ => l["Die Nachricht darf höchstens {0} Zeichen lang sein.", MessageMaxLength]);
        }
    }
}
