using NestPortal.Data.Auditing;

namespace NestPortal.Web.Import;

/// <summary>The commit's audit actor: the committing administrator, named together with the import, outside any request.</summary>
public sealed class ImportAuditActor(AuditActorInfo actor) : IAuditActor
{
    public AuditActorInfo Current => actor;
}
