// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli;

/// <summary>
/// Writes a node key file: line 1 <c>posc-ed25519-v1</c>, line 2 the 32-byte Ed25519 private seed as
/// 64 lower-case hex characters, each line ending in <c>\n</c>. The file is created with mode 0600 on
/// Unix (set at creation, so it is never readable by others), flushed to disk under a temporary name in
/// the same directory and then renamed into place, so a crash leaves either no key file or a whole one.
/// </summary>
public static class KeyFileWriter
{
    /// <summary>The first line of every key file.</summary>
    public const string FormatLine = "posc-ed25519-v1";

    /// <summary>The mode of key files on Unix: owner read and write only (0600).</summary>
    public const UnixFileMode KeyFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="key"/>'s private seed to <paramref name="path"/>.</summary>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="overwrite"/> is false, or the directory is not writable.</exception>
    public static void Write(string path, NodeKey key, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");

        byte[] seed = key.ExportPrivateKey();
        byte[] content = Encoding.ASCII.GetBytes($"{FormatLine}\n{new string('0', 2 * NodeKey.PrivateKeySize)}\n");
        try
        {
            // Hex into the buffer in place, so the seed never lives in an immutable string.
            int offset = FormatLine.Length + 1;
            for (int i = 0; i < seed.Length; i++)
            {
                content[offset + (2 * i)] = HexDigit(seed[i] >> 4);
                content[offset + (2 * i) + 1] = HexDigit(seed[i] & 0xF);
            }

            FileStreamOptions options = new()
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = KeyFileMode;
            }

            using (FileStream stream = new(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
