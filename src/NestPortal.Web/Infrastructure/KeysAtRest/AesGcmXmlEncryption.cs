using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace NestPortal.Web.Infrastructure.KeysAtRest;

/// <summary>
/// Encrypts a data-protection key's secret with the <see cref="KeyEncryptionKey"/> (AES-256-GCM, a fresh
/// 96-bit nonce per key): the stored XML holds nonce, ciphertext and tag, never the master key.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "encryptedKey";
    private const int NonceLength = 12;
    private const int TagLength = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagLength];
        using (var aes = new AesGcm(key.Bytes, TagLength)) aes.Encrypt(nonce, plaintext, ciphertext, tag);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XComment(" The key is encrypted with the key file's AES-256-GCM key (docs/operations.md). "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. ciphertext, .. tag])));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    internal static XElement Decrypt(KeyEncryptionKey key, XElement encryptedElement)
    {
        var blob = Convert.FromBase64String((string?)encryptedElement.Element("value")
                                            ?? throw new CryptographicException("The encrypted key has no value."));
        if (blob.Length < NonceLength + TagLength) throw new CryptographicException("The encrypted key is too short.");
        var nonce = blob.AsSpan(0, NonceLength);
        var tag = blob.AsSpan(blob.Length - TagLength);
        var ciphertext = blob.AsSpan(NonceLength, blob.Length - NonceLength - TagLength);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Bytes, TagLength)) aes.Decrypt(nonce, ciphertext, tag, plaintext);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>
/// Created by the data-protection system from the stored decryptor type, with the application's services
/// (so it finds the <see cref="KeyEncryptionKey"/>).
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        AesGcmXmlEncryptor.Decrypt(services.GetRequiredService<KeyEncryptionKey>(), encryptedElement);
}
