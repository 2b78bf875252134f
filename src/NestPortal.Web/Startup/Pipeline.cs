using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NestPortal.Web.Infrastructure;
using Serilog;
using Serilog.Events;

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
        // A database busy beyond its timeout: 503 with Retry-After, rendered by the status-code pages (ADR 0022).
        app.UseBusyDatabaseAnswer();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms, {SqlCommands} SQL commands, {SqlMilliseconds:0.0} ms SQL";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("SqlCommands", SqlCommandCounter.CountFor(context));
                diagnostics.Set("SqlMilliseconds", SqlCommandCounter.MillisecondsFor(context));
            };
            // A request its client left says 499 even when its headers were already sent (a download cut off).
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(path)),
                new LogEventProperty("StatusCode", new ScalarValue(ClientAborts.WasAborted(context) ? ClientAborts.StatusCode : status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        app.UseMiddleware<ClientAborts>();
        app.UseMiddleware<MalformedRequests>();
        app.UseRouting();
        app.UsePortalRateLimits();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseAuthentication();
        app.UseAuthorization();

        // Stylesheets and scripts are public; the fallback policy would otherwise demand a sign-in for them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        // Liveness: the process answers, no database. Readiness (and /health, which probes already use): the
        // database can be read and written (ADR 0022).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseReadiness.Tag) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseReadiness.Tag) }).AllowAnonymous();
        // An address that is no page is a 404 for everyone (rendered by the error page), not a login prompt.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
