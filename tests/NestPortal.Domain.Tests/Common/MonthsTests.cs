using NestPortal.Domain.Common;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Common;

public class MonthsTests
{
    [Theory]
    [InlineData("2019-11-01", "2019-11-01")]
    [InlineData("2019-11-30", "2019-11-01")]
    [InlineData("2024-02-29", "2024-02-01")]
    public void The_first_of_a_month(string date, string first)
    {
        Months.FirstOf(Day(date)).ShouldBe(Day(first));
    }

    [Theory]
    [InlineData("2019-11-01", 24, "2021-10-31")]
    [InlineData("2019-11-01", 12, "2020-10-31")]
    [InlineData("2019-12-10", 12, "2020-12-09")]
    [InlineData("2020-01-31", 1, "2020-02-29")]
    [InlineData("2021-01-31", 1, "2021-02-28")]
    [InlineData("2020-02-29", 12, "2021-02-28")]
    [InlineData("2020-02-29", 48, "2024-02-28")]
    [InlineData("2020-05-31", 1, "2020-06-30")]
    [InlineData("2020-05-30", 1, "2020-06-29")]
    public void A_period_of_months_ends_the_day_before_the_same_day_or_with_a_shorter_month(string start, int months, string end)
    {
        Months.EndOfPeriod(Day(start), months).ShouldBe(Day(end));
    }
}
