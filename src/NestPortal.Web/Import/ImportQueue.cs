using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NestPortal.Web.Import;

/// <summary>Import ids waiting for their dry run or commit; one worker takes them in order.</summary>
public sealed class ImportQueue
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(int importId) => _channel.Writer.TryWrite(importId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Progress of the import being worked on, in memory: the commit holds its write transaction open, and
/// SQLite lets no other connection write the progress to the import's row meanwhile.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<int, (int Processed, int Total)> _progress = new();

    public void Report(int importId, int processed, int total) => _progress[importId] = (processed, total);

    public void Forget(int importId) => _progress.TryRemove(importId, out _);

    public (int Processed, int Total)? Of(int importId) => _progress.TryGetValue(importId, out var progress) ? progress : null;
}
