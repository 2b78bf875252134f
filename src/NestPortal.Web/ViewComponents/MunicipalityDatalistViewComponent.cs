using Microsoft.AspNetCore.Mvc;

namespace NestPortal.Web.ViewComponents;

/// <summary>
/// The 396 municipalities as a datalist: the browser filters them as one types a name, an AGS or the
/// town hall's postcode (the only postcode the register has per municipality), on a phone too, with no script.
/// The options are rendered once per process (<see cref="MunicipalityRegister"/>), not per request.
/// </summary>
public sealed class MunicipalityDatalistViewComponent(MunicipalityRegister register) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string id) =>
        View("Default", (id, (await register.GetAsync(HttpContext.RequestAborted)).OptionsHtml));
}
