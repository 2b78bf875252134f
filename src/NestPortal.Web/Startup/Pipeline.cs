using Microsoft.Extensions.Options;
using NestPortal.Web.Infrastructure;
using Serilog;

namespace NestPortal.Web.Startup;

public static class Pipeline
{
    public static WebApplication UseNestPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms, {SqlCommands} SQL commands";
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("SqlCommands", SqlCommandCounter.CountFor(context));
        });
        app.UseMiddleware<MalformedRequests>();
        app.UseRouting();
        app.UsePortalRateLimits();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseAuthentication();
        app.UseAuthorization();

        // Stylesheets and scripts are public; the fallback policy would otherwise demand a sign-in for them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        // An address that is no page is a 404 for everyone (rendered by the error page), not a login prompt.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
