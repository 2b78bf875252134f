using Microsoft.Extensions.Localization;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Texts;

public static class RoleTexts
{
    public static string Name(IStringLocalizer l, string role) => role switch
    {
        Roles.Mentor => l["Mentorin / Mentor"],
        Roles.CompetenceCentre => l["Kompetenzzentrum für Integration"],
        Roles.Municipality => l["Kommune"],
        Roles.Administrator => l["Administration"],
        _ => role,
    };
}
