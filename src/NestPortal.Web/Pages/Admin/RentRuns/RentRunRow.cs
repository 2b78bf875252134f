using System.Linq.Expressions;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>What the list and the details page show of a run; projected, so the failure report is read only where it is shown.</summary>
public sealed record RentRunRow(int Id, DateTime StartedAtUtc, DateTime? FinishedAtUtc, DateOnly PaidThrough, string StartedBy,
    int AccountsChecked, int Payments, decimal AmountPaid, int Refunds, decimal AmountRefunded, int SponsorshipsCompleted, int Failures)
{
    public static readonly Expression<Func<RentRun, RentRunRow>> Projection = r => new RentRunRow(r.Id, r.StartedAtUtc, r.FinishedAtUtc,
        r.PaidThrough, r.StartedBy, r.AccountsChecked, r.Payments, r.AmountPaid, r.Refunds, r.AmountRefunded, r.SponsorshipsCompleted, r.Failures);

    private static readonly Func<RentRun, RentRunRow> Compiled = Projection.Compile();

    public static RentRunRow From(RentRun run) => Compiled(run);
}
