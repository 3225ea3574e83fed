// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// A co-hosted gateway credential kept in a file in the data folder (the adapter token, the operator's
/// API key): 64 lower-case hex characters (32 random bytes) and a newline, mode 0600 on Unix, created
/// once and read on later starts. The key is never logged; only the file's path is.
/// </summary>
public static class BearerKeyFile
{
    /// <summary>The adapter token's file name in the data folder (<c>POST /api/blocks</c>).</summary>
    public const string AdapterTokenFileName = "adapter.token";

    /// <summary>The operator API key's file name in the data folder (every other state change).</summary>
    public const string OperatorKeyFileName = "operator.key";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Reads the key at <paramref name="path"/>, or creates the file with a new random key when it is
    /// missing; <paramref name="setting"/> names the configuration that replaces the file (for the error message).
    /// </summary>
    /// <exception cref="InvalidOperationException">The file exists but holds no single key.</exception>
    public static string LoadOrCreate(string path, string setting, out bool created)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        created = false;
        if (!File.Exists(path))
        {
            string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            created = TryCreate(path, token);
        }

        string text = File.ReadAllText(path, Encoding.UTF8).Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException(
                $"The key file '{path}' must hold one key on one line; delete it to have a new one created, or set {setting}.");
        }

        return text;
    }

    private static bool TryCreate(string path, string token)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (FileStream stream = new(temporary, options))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(token + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another start created it first: use that one.
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
