using System.Globalization;
using System.Numerics;

namespace NestPortal.Development.SampleData;

/// <summary>German IBANs for sample escrow accounts whose check digits hold (ISO 13616, mod 97).</summary>
public static class SampleIban
{
    /// <summary>DE + check digits + bank code (8 digits) + account number (10 digits).</summary>
    public static string German(string bankCode, long accountNumber)
    {
        var bban = bankCode + accountNumber.ToString("D10", CultureInfo.InvariantCulture);
        // "DE00" moved to the end, letters as numbers: D = 13, E = 14.
        var remainder = BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture) % 97;
        return $"DE{98 - (int)remainder:D2}{bban}";
    }
}
