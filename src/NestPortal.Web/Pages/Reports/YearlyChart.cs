using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The bars of the yearly series (refugees arrived and groups that took on costs per year), laid out
/// on the server so the page needs neither script nor inline style: the view draws them as SVG.
/// </summary>
public sealed record YearlyChart(IReadOnlyList<YearlyChart.YearBars> Years, int Width, int Height)
{
    public const int PlotTop = 24;
    public const int PlotHeight = 160;
    public const int BarWidth = 22;
    private const int BarGap = 4;
    private const int YearWidth = 2 * BarWidth + BarGap + 24;

    /// <summary>The baseline the bars stand on; year labels go below it.</summary>
    public static int Baseline => PlotTop + PlotHeight;

    public sealed record Bar(int X, int Y, int Height, int Value)
    {
        /// <summary>Where the value label sits: centred above the bar.</summary>
        public int LabelX => X + BarWidth / 2;

        public int LabelY => Y - 4;
    }

    public sealed record YearBars(int Year, int LabelX, Bar Arrivals, Bar Groups);

    public static YearlyChart For(AnnualReport report)
    {
        var max = Math.Max(1, report.Years.Select(y => Math.Max(y.RefugeesArrived, y.GroupsTookOnCosts)).DefaultIfEmpty(0).Max());
        var years = report.Years.Select((y, i) =>
        {
            var x = 12 + i * YearWidth;
            return new YearBars(y.Year, x + BarWidth + BarGap / 2,
                BarAt(x, y.RefugeesArrived, max), BarAt(x + BarWidth + BarGap, y.GroupsTookOnCosts, max));
        }).ToList();
        return new YearlyChart(years, 24 + Math.Max(1, years.Count) * YearWidth, Baseline + 28);
    }

    private static Bar BarAt(int x, int value, int max)
    {
        var height = (int)Math.Round((double)value * PlotHeight / max);
        return new Bar(x, Baseline - height, height, value);
    }
}
