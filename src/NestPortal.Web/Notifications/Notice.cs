using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Notifications;

/// <summary>
/// Something that happened and must reach people: <see cref="Key"/> names this one occurrence (e.g.
/// "group-returned:42:3"), so the same event queued twice for the same recipient is sent once;
/// <see cref="Write"/> words it in the reader's language (it is called once per language, with the
/// thread's UI culture set to it).
/// </summary>
/// <remarks>
/// What a notice says must be fit for its recipient: no refugee's personal data beyond what that
/// recipient may see in the portal, and none in the subject (mail subjects are read on lock screens and
/// stored by mail servers). Say the household's reference, not a name; the link leads to the details.
/// </remarks>
public sealed record Notice(string Key, Func<IStringLocalizer, NoticeText> Write);

/// <summary>
/// A notice in one language: the subject, the paragraphs of plain text, and a link into the portal
/// (a path, made absolute from Portal:PublicBaseUrl for mails).
/// </summary>
public sealed record NoticeText(string Subject, IReadOnlyList<string> Paragraphs, string? LinkPath = null, string? LinkLabel = null);
