using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using NestPortal.Data;
using NestPortal.Data.Notifications;

namespace NestPortal.Web.Notifications;

/// <summary>
/// The number of unread messages the header shows on every page, kept per message list (a person's own, the
/// competence centre's shared one) for <see cref="Lifetime"/>, so a page costs no COUNT. A person sees their own
/// changes at once: every save through the context that adds, reads or deletes a message forgets the lists it
/// touched (this interceptor, before the save and again once it is saved and committed), and the changes that
/// bypass the change tracker (mark all as read, the retention erasure) call <see cref="Forget"/> or
/// <see cref="ForgetAll"/>. What another instance of a cluster changes shows after at most the lifetime.
/// </summary>
public sealed class UnreadCounts(IMemoryCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The lists a context's save touched, forgotten again when its transaction commits.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _touched = new();

    private CancellationTokenSource _all = new();

    /// <summary>Unread messages the signed-in person sees: their own, and for the competence centre's staff its shared list too.</summary>
    public async Task<int> ForAsync(NestPortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var unread = 0;
        foreach (var list in MessageScope.ListsOf(user)) unread += await OfListAsync(db, list, cancellationToken);
        return unread;
    }

    /// <summary>After a change that bypassed the change tracker (ExecuteUpdate) to these lists.</summary>
    public void Forget(IEnumerable<string> recipientKeys)
    {
        foreach (var key in recipientKeys) cache.Remove(Key(key));
    }

    /// <summary>After a change to messages of many lists at once (ExecuteDelete of expired messages).</summary>
    public void ForgetAll()
    {
        var previous = Interlocked.Exchange(ref _all, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    private async Task<int> OfListAsync(NestPortalDbContext db, string recipientKey, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(recipientKey), out int count)) return count;
        var token = new CancellationChangeToken(_all.Token);
        count = await db.PortalMessages.CountAsync(m => m.RecipientKey == recipientKey && m.ReadAtUtc == null, cancellationToken);
        cache.Set(Key(recipientKey), count, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }.AddExpirationToken(token));
        return count;
    }

    private static string Key(string recipientKey) => "unread-messages:" + recipientKey;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Touch(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Touch(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Forgets the lists of the messages about to be saved: a page reading them during the save counts afresh.</summary>
    private void Touch(DbContext? context)
    {
        if (context is null) return;
        var keys = context.ChangeTracker.Entries<PortalMessage>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.RecipientKey).ToList();
        if (keys.Count == 0) return;
        Forget(keys);
        _touched.GetOrCreateValue(context).UnionWith(keys);
    }

    /// <summary>Once saved (and, inside a transaction, once committed) forgets them again: a count read meanwhile saw the old rows.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) Committed(context);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_touched.TryGetValue(context, out var keys)) return;
        Forget(keys);
        _touched.Remove(context);
    }
}
