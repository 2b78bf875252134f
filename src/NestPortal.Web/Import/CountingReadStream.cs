namespace NestPortal.Web.Import;

/// <summary>
/// Counts the bytes actually read from an unpacking stream and stops at a limit: a ZIP entry's header states
/// its unpacked size, but a hostile file may state anything, so the bytes are counted as they come. Also keeps
/// an optional shared tally (all parts of one file together), and, for XML, the longest tag: a reader holds a
/// tag whole, so a tag of 100 MB would be a string of 100 MB before any check of ours sees it.
/// </summary>
public sealed class CountingReadStream(Stream inner, long limit, ByteTally? total = null, int? maxTagBytes = null) : Stream
{
    private long _tagBytes = -1;

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Counted(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Counted(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Counted(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > limit) throw new UnpackedSizeLimitException(limit, total: false);
        total?.Add(read.Length);
        if (maxTagBytes is { } maxTag) CheckTags(read, maxTag);
        return read.Length;
    }

    /// <summary>'&lt;' and '&gt;' are single bytes in UTF-8 and never part of a longer character.</summary>
    private void CheckTags(ReadOnlySpan<byte> read, int maxTag)
    {
        foreach (var b in read)
        {
            if (b == (byte)'<') _tagBytes = 0;
            else if (b == (byte)'>') _tagBytes = -1;
            else if (_tagBytes >= 0 && ++_tagBytes > maxTag) throw new XmlTagLimitException(maxTag);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The bytes unpacked from all parts of one file, against one limit.</summary>
public sealed class ByteTally(long limit)
{
    public long Bytes { get; private set; }

    public void Add(long bytes)
    {
        Bytes += bytes;
        if (Bytes > limit) throw new UnpackedSizeLimitException(limit, total: true);
    }
}

/// <summary>A part (or, with <paramref name="total"/>, all parts together) unpacked to more than the limit.</summary>
public sealed class UnpackedSizeLimitException(long limit, bool total)
    : IOException($"More than {limit:N0} bytes unpacked{(total ? " in total" : " from one part")}.")
{
    public long Limit => limit;
    public bool Total => total;
}

/// <summary>An XML tag longer than the limit.</summary>
public sealed class XmlTagLimitException(int limit) : IOException($"An XML tag is longer than {limit:N0} bytes.")
{
    public int Limit => limit;
}
