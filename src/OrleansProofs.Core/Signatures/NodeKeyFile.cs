// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;

namespace OrleansProofs.Core.Signatures;

/// <summary>
/// The node's Ed25519 key on disk. The file is ASCII text, three lines:
/// <code>
/// posc-node-key/v1
/// ed25519-seed: &lt;64 lower-case hex: the 32-byte private seed&gt;
/// ed25519-public: &lt;64 lower-case hex: the public key, a check that the seed is intact&gt;
/// </code>
/// It is written atomically (a temporary file in the same folder, flushed, then renamed into
/// place, never overwriting) with mode 0600 on Unix from the moment it exists. Errors name the
/// path and what is wrong; no message ever contains key material.
/// </summary>
public static class NodeKeyFile
{
    /// <summary>First line of the file: format and version.</summary>
    public const string FormatMarker = "posc-node-key/v1";

    private const string SeedLabel = "ed25519-seed: ";
    private const string PublicLabel = "ed25519-public: ";
    private const string MarkerPrefix = "posc-node-key/";

    /// <summary>Files larger than this are not key files; they are rejected before being read.</summary>
    private const int MaxFileSize = 1024;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Loads the key at <paramref name="path"/>, or creates and saves a new one if there is no file.</summary>
    /// <param name="path">The key file.</param>
    /// <param name="created">True when a new key was generated and written.</param>
    /// <exception cref="FormatException">The file exists but is not a valid key file.</exception>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static NodeKey LoadOrCreate(string path, out bool created)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            created = false;
            return Load(path);
        }

        NodeKey key = NodeKey.Generate();
        try
        {
            Save(key, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the file first: its key wins, so every caller uses one key.
            key.Dispose();
            created = false;
            return Load(path);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        created = true;
        return key;
    }

    /// <summary>Loads the key at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file.</exception>
    /// <exception cref="FormatException">The file is not a valid key file; the message says what is wrong.</exception>
    public static NodeKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] content;
        using (FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            if (stream.Length > MaxFileSize)
            {
                throw new FormatException($"Node key file '{path}' is {stream.Length} bytes; a key file is at most {MaxFileSize} bytes.");
            }

            content = new byte[stream.Length];
            stream.ReadExactly(content);
        }

        try
        {
            return Parse(content, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>
    /// Writes <paramref name="key"/> to a new file at <paramref name="path"/> atomically, with mode 0600 on Unix.
    /// Never overwrites: an existing file is an error.
    /// </summary>
    /// <exception cref="IOException">The file already exists or cannot be written.</exception>
    public static void Save(NodeKey key, string path)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw Error.Invalid(nameof(path), "has no parent folder.");
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

        byte[] text = Format(key);
        try
        {
            FileStreamOptions options = new()
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.WriteThrough,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (FileStream stream = new(temporary, options))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // Exactly 0600 whatever the umask (the create mode can only be narrowed by it).
                    File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                }

                stream.Write(text);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Parses the file content; <paramref name="path"/> is only used in messages.</summary>
    internal static NodeKey Parse(ReadOnlySpan<byte> content, string path)
    {
        if (content.IsEmpty)
        {
            throw Corrupt(path, "the file is empty");
        }

        foreach (byte b in content)
        {
            if (b is not ((>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r'))
            {
                throw Corrupt(path, "the file is not ASCII text (a raw or damaged file)");
            }
        }

        string text = System.Text.Encoding.ASCII.GetString(content);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int lineCount = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;

        if (lines[0] != FormatMarker)
        {
            throw lines[0].StartsWith(MarkerPrefix, StringComparison.Ordinal)
                ? Corrupt(path, $"unsupported format version '{lines[0]}'; this build reads '{FormatMarker}'")
                : Corrupt(path, $"the first line must be '{FormatMarker}'");
        }

        if (lineCount != 3)
        {
            throw Corrupt(path, $"expected 3 lines (marker, seed, public key); found {lineCount} (truncated or extended file)");
        }

        byte[] seed = ReadHexField(lines[1], SeedLabel, NodeKey.PrivateKeySize, path, "seed");
        byte[] expectedPublic = ReadHexField(lines[2], PublicLabel, NodeKey.PublicKeySize, path, "public key");
        NodeKey key;
        try
        {
            key = NodeKey.FromPrivateKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            Array.Clear(lines);
        }

        if (!key.PublicKey.Bytes.SequenceEqual(expectedPublic))
        {
            key.Dispose();
            throw Corrupt(path, "the public key line does not match the seed (the seed or the public key is damaged)");
        }

        return key;
    }

    private static byte[] ReadHexField(string line, string label, int size, string path, string field)
    {
        if (!line.StartsWith(label, StringComparison.Ordinal))
        {
            throw Corrupt(path, $"the {field} line must start with '{label.TrimEnd()}'");
        }

        ReadOnlySpan<char> hex = line.AsSpan(label.Length).Trim();
        if (hex.Length != 2 * size)
        {
            throw Corrupt(path, $"the {field} must be {2 * size} hex characters ({size} bytes); found {hex.Length}");
        }

        byte[] value = new byte[size];
        if (Convert.FromHexString(hex, value, out _, out int written) != System.Buffers.OperationStatus.Done || written != size)
        {
            CryptographicOperations.ZeroMemory(value);
            throw Corrupt(path, $"the {field} contains a character that is not hexadecimal");
        }

        return value;
    }

    private static byte[] Format(NodeKey key)
    {
        byte[] seed = key.ExportPrivateKey();
        try
        {
            StringBuilder builder = new();
            builder.Append(FormatMarker).Append('\n')
                .Append(SeedLabel).Append(Convert.ToHexStringLower(seed)).Append('\n')
                .Append(PublicLabel).Append(key.PublicKey.ToString()).Append('\n');
            return System.Text.Encoding.ASCII.GetBytes(builder.ToString());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static FormatException Corrupt(string path, string problem) =>
        new($"Node key file '{path}' is not a valid {FormatMarker} file: {problem}.");
}
