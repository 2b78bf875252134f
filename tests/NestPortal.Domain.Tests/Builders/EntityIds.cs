using System.Reflection;

namespace NestPortal.Domain.Tests.Builders;

/// <summary>
/// Sets the database id of a domain entity. In production EF Core assigns ids when an entity is saved;
/// the domain keeps the <c>Id</c> setter private so nothing else can. Unit tests have no database, so
/// they give ids the same way EF does: through the private setter, by reflection. The domain is not
/// changed for tests.
/// </summary>
internal static class EntityIds
{
    public static T Assign<T>(T entity, int id) where T : class
    {
        var property = typeof(T).GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)
                       ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id property.");
        property.SetValue(entity, id);
        return entity;
    }
}
