using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// A client that leaves before its answer is complete is no error of the portal: the request log says 499 at
/// Information. A failure while the client waits stays an error with 500.
/// </summary>
public sealed class ClientAbortsTests(ClientAbortsTests.LoggingPortal factory) : IClassFixture<ClientAbortsTests.LoggingPortal>
{
    [Fact]
    public async Task A_request_its_client_aborted_is_logged_at_information_with_499_not_as_an_error()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/Datenquellen");
        request.Headers.Add(AbortingQuery.Header, "abort");
        var before = factory.Events.Count;

        var answered = true;
        try
        {
            await client.SendAsync(request);
        }
        catch (Exception)
        {
            answered = false; // the test server tells the client its request was aborted
        }

        answered.ShouldBeFalse();

        var completed = await factory.RequestLogAsync("/Datenquellen");
        completed.Level.ShouldBe(LogEventLevel.Information);
        completed.Properties["StatusCode"].ToString().ShouldBe("499");
        completed.Exception.ShouldBeNull();
        var logged = factory.Events.Skip(before).ToList();
        logged.Where(e => e.Level >= LogEventLevel.Error).ShouldBeEmpty();
        logged.ShouldContain(e => e.MessageTemplate.Text.StartsWith("The client closed the request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_while_the_client_waits_stays_an_error_with_500()
    {
        // The same page under its own spelling (routing ignores case), so the two tests never read each other's lines
        // from the request log: an aborted request's line is written after its client has given up.
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/datenquellen");
        request.Headers.Add(AbortingQuery.Header, "fail");

        var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(500);
        var completed = await factory.RequestLogAsync("/datenquellen");
        completed.Level.ShouldBe(LogEventLevel.Error);
        completed.Properties["StatusCode"].ToString().ShouldBe("500");
    }

    /// <summary>The portal logging at Information into a list the tests read, with a query that fails on demand.</summary>
    public sealed class LoggingPortal : PortalFactory
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        private readonly Channel<LogEvent> _requestLogs = Channel.CreateUnbounded<LogEvent>();

        /// <summary>
        /// The next line in the request log for <paramref name="path"/> (an error page's re-execution has its own line):
        /// written when the server is done with the request, which for an aborted one is after the client has given up.
        /// </summary>
        public async Task<LogEvent> RequestLogAsync(string path)
        {
            while (true)
            {
                var logged = await _requestLogs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                if (logged.Properties["RequestPath"].ToString() == $"\"{path}\"") return logged;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILogEventSink>(new Collecting(Events, _requestLogs.Writer));
                services.AddSingleton<IInterceptor, AbortingQuery>();
            });
        }

        private sealed class Collecting(ConcurrentQueue<LogEvent> events, ChannelWriter<LogEvent> requestLogs) : ILogEventSink
        {
            public void Emit(LogEvent logEvent)
            {
                events.Enqueue(logEvent);
                if (logEvent.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)) requestLogs.TryWrite(logEvent);
            }
        }
    }

    /// <summary>
    /// The first query of a request with the header: "abort" closes the connection as a leaving browser does and
    /// throws what EF throws for the cancelled request token; "fail" throws an error of the portal's own.
    /// </summary>
    private sealed class AbortingQuery(IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        public const string Header = "X-Test-Query";

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (accessor.HttpContext is { } context && context.Request.Headers[Header].ToString() is { Length: > 0 } what)
            {
                if (what == "fail") throw new InvalidOperationException("A failure of the portal's own.");
                context.Abort();
                throw new OperationCanceledException(context.RequestAborted);
            }

            return ValueTask.FromResult(result);
        }
    }
}
