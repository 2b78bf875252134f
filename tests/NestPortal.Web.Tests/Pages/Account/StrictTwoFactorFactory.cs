using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>The portal as configured outside Development: demo staff need a second factor too.</summary>
public sealed class StrictTwoFactorFactory : PortalFactory
{
    public StrictTwoFactorFactory()
    {
        RelaxTwoFactorForDemoUsers = false;
    }
}
