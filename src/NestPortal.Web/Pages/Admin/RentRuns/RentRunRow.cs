using System.Linq.Expressions;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Operations;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>What the list and the details page show of a run; projected, so the failure report is read only where it is shown.</summary>
public sealed record RentRunRow(int Id, DateTime StartedAtUtc, DateTime? FinishedAtUtc, DateOnly PaidThrough, string StartedBy,
    int AccountsChecked, int Payments, decimal AmountPaid, int Refunds, decimal AmountRefunded, int SponsorshipsCompleted, int Failures,
    int? AccountsToCheck, DateTime? HeartbeatAtUtc)
{
    public static readonly Expression<Func<RentRun, RentRunRow>> Projection = r => new RentRunRow(r.Id, r.StartedAtUtc, r.FinishedAtUtc,
        r.PaidThrough, r.StartedBy, r.AccountsChecked, r.Payments, r.AmountPaid, r.Refunds, r.AmountRefunded, r.SponsorshipsCompleted, r.Failures,
        r.AccountsToCheck, r.HeartbeatAtUtc);

    private static readonly Func<RentRun, RentRunRow> Compiled = Projection.Compile();

    public static RentRunRow From(RentRun run) => Compiled(run);

    /// <summary>Still working: unfinished and heard from within the lease (<see cref="RentRun.HasDied"/>).</summary>
    public bool IsRunningAt(DateTime nowUtc, TimeSpan lease) => FinishedAtUtc is null && nowUtc - (HeartbeatAtUtc ?? StartedAtUtc) <= lease;

    /// <summary>The run's state in words: when it finished, how far it has got, or since when it has been silent.</summary>
    public string StateText(DateTime nowUtc, TimeSpan lease, IStringLocalizer l) =>
        FinishedAtUtc is { } finished ? Clock.InGermany(finished).ToString("G")
        : IsRunningAt(nowUtc, lease) ? ProgressText(l)
        : l["abgebrochen: keine Rückmeldung seit {0}", Clock.InGermany(HeartbeatAtUtc ?? StartedAtUtc).ToString("G")].Value;

    public string ProgressText(IStringLocalizer l) => AccountsToCheck is { } total
        ? l["läuft: {0} von {1} geprüft", AccountsChecked.ToString("N0"), l.Count(total, "{0} Konto", "{0} Konten")].Value
        : l["läuft: {0} geprüft", l.Count(AccountsChecked, "{0} Konto", "{0} Konten")].Value;
}
