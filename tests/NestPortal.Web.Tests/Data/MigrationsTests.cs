using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Tests.Data;

/// <summary>
/// Each provider's migrations assembly must describe the current model: a change to an entity or a
/// configuration without a new migration for both providers fails here, before it reaches a database.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=NestPortal;Trusted_Connection=True;TrustServerCertificate=True")]
    public void The_migrations_of_each_provider_match_the_model(string provider, string connectionString)
    {
        using var db = new NestPortalDbContext(DatabaseProvider.OptionsFor(provider, connectionString));

        db.Database.GetMigrations().ShouldNotBeEmpty($"{provider} has no migrations");
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"The model has changes that the {provider} migrations lack: run `dotnet ef migrations add <Name> --project src/NestPortal.Data.Migrations.{provider}`.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        static IEnumerable<string> Names(string provider, string connection)
        {
            using var db = new NestPortalDbContext(DatabaseProvider.OptionsFor(provider, connection));
            // Ids start with a timestamp that differs per provider; the name after it must match.
            return db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]).ToList();
        }

        Names(DatabaseProvider.SqlServer, "Server=localhost;Database=x;TrustServerCertificate=True")
            .ShouldBe(Names(DatabaseProvider.Sqlite, "Data Source=:memory:"));
    }
}
