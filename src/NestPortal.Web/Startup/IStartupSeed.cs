namespace NestPortal.Web.Startup;

/// <summary>
/// Data a host adds at start, after migrations, reference data, roles and the first administrator
/// (see <see cref="DatabaseInitializer"/>). The portal registers none; the development host registers
/// the demo data this way, so the production assembly never carries demo code. An implementation must
/// be idempotent: it runs at every start.
/// </summary>
public interface IStartupSeed
{
    Task SeedAsync(CancellationToken cancellationToken);
}
