namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// How often the account forms may be posted (configuration section <c>RateLimits</c>; the defaults
/// and why: docs/adr/0018-lockout-per-account-and-address.md). Every limit counts per client address
/// and per account within a window that starts with the first attempt.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for a host that limits these forms in front of the portal.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The password form (/Account/Login).</summary>
    public FormLimit SignIn { get; set; } = new() { PerAddress = 10, PerAccount = 10, WindowSeconds = 60 };

    /// <summary>The authenticator and recovery code forms; the account is the one whose password was accepted.</summary>
    public FormLimit SecondFactor { get; set; } = new() { PerAddress = 10, PerAccount = 10, WindowSeconds = 60 };

    /// <summary>The forms that send a mail (register, forgot password, resend confirmation), one budget for the three.</summary>
    public FormLimit Mail { get; set; } = new() { PerAddress = 5, PerAccount = 10, WindowSeconds = 600 };

    /// <summary>Wrong passwords or codes for one account from one client address, before that pair is refused.</summary>
    public PairLockoutOptions Lockout { get; set; } = new();

    public FormLimit For(RateLimitedForm form) => form switch
    {
        RateLimitedForm.SignIn => SignIn,
        RateLimitedForm.SecondFactor => SecondFactor,
        RateLimitedForm.Mail => Mail,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    public sealed class FormLimit
    {
        public int PerAddress { get; set; }
        public int PerAccount { get; set; }
        public int WindowSeconds { get; set; }
        public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
    }

    public sealed class PairLockoutOptions
    {
        /// <summary>Failures of one (account, address) pair that lock the pair.</summary>
        public int Failures { get; set; } = 5;

        /// <summary>How long a pair stays locked after its last counted failure, and how long failures are remembered.</summary>
        public int Minutes { get; set; } = 15;

        /// <summary>Pairs remembered at once per instance; beyond that new pairs are not counted (the rate limits still apply).</summary>
        public int MaxPairs { get; set; } = 50_000;
    }
}

/// <summary>Which budget a page's POSTs draw from.</summary>
public enum RateLimitedForm
{
    SignIn,
    SecondFactor,
    Mail,
}

/// <summary>
/// On a page model: its POSTs are limited per client address and per account (GETs stay free). Read
/// from the endpoint's metadata by <see cref="RateLimitPolicy"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitedAttribute(RateLimitedForm form) : Attribute
{
    public RateLimitedForm Form { get; } = form;
}
