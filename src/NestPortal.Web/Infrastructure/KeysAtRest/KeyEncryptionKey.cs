using System.Security.Cryptography;

namespace NestPortal.Web.Infrastructure.KeysAtRest;

/// <summary>
/// The embedded default's key-encryption key: 256 random bits in a file outside the database (by default
/// beside the SQLite file), created at the first start with mode 0600. Whoever holds only a copy of the
/// database cannot read the data-protection keys in it, so cannot mint sign-in cookies (ADR 0019).
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    internal byte[] Bytes { get; }

    public string Path { get; }

    private KeyEncryptionKey(byte[] bytes, string path) => (Bytes, Path) = (bytes, path);

    /// <summary>Reads the key file, or creates it when it is missing; two instances starting at once end with the same key.</summary>
    public static KeyEncryptionKey LoadOrCreate(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new FileStream(path, options);
                file.Write(RandomNumberGenerator.GetBytes(Length));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use that one.
            }
        }

        var bytes = ReadComplete(path);
        return new KeyEncryptionKey(bytes, path);
    }

    private static byte[] ReadComplete(string path)
    {
        // A file another instance is still writing is read again once complete; a few tries at most.
        for (var attempt = 0; ; attempt++)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == Length) return bytes;
            if (attempt >= 20 || bytes.Length > Length)
                throw new InvalidOperationException($"The data-protection key file {path} must hold exactly {Length} bytes; it holds {bytes.Length}. Restore it from its backup (docs/operations.md).");
            Thread.Sleep(50);
        }
    }
}
