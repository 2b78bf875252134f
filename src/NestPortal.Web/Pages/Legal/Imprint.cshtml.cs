using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NestPortal.Web.Legal;

namespace NestPortal.Web.Pages.Legal;

/// <summary>The Impressum (§ 5 DDG, § 18 MStV): who offers the portal, who represents them, who answers for the content.</summary>
public sealed class ImprintModel(IOptions<OperatorOptions> options) : PageModel
{
    public OperatorOptions Operator => options.Value;

    public void OnGet()
    {
    }
}
