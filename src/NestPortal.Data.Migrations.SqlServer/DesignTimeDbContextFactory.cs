using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NestPortal.Data.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the context for this provider without starting the web app, so
/// migrations and scripts are generated from this project alone. The connection is never opened
/// when adding migrations or writing scripts.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NestPortalDbContext>
{
    public NestPortalDbContext CreateDbContext(string[] args) =>
        new(DatabaseProvider.OptionsFor(DatabaseProvider.SqlServer, "Server=localhost;Database=NestPortal;Trusted_Connection=True;TrustServerCertificate=True"));
}
