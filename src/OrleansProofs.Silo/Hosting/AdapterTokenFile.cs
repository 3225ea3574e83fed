// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The co-hosted gateway's adapter token kept in a file: 64 lower-case hex characters (32 random
/// bytes) and a newline, mode 0600 on Unix, created once and read on later starts.
/// </summary>
public static class AdapterTokenFile
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "adapter.token";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Reads the token at <paramref name="path"/>, or creates the file with a new random token when it is missing.</summary>
    /// <exception cref="InvalidOperationException">The file exists but holds no token.</exception>
    public static string LoadOrCreate(string path, out bool created)
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
                $"The adapter token file '{path}' must hold one token on one line; delete it to have a new one created, or set OrleansProofs:Gateway:AdapterToken.");
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
