using System.Globalization;

namespace NestPortal.Domain.Tests.Builders;

public static class Dates
{
    /// <summary>A day written as ISO 8601 (yyyy-MM-dd), so test data reads like the design document.</summary>
    public static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
