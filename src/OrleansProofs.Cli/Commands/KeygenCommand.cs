// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Security.Cryptography;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc keygen --out &lt;file&gt; [--force]</c>: creates an Ed25519 node key, writes it with Core's
/// <see cref="NodeKeyFile"/> (the format the node service loads) and prints the public key. Refuses to
/// replace an existing file without <c>--force</c> (exit 2). With <c>--force</c> the new key is saved
/// under a temporary name beside the target and renamed over it, so readers see the old key or the
/// new one, never a missing or partial file.
/// </summary>
public static class KeygenCommand
{
    /// <summary>Builds <c>keygen</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Option<string> output = new("--out", "-o")
        {
            Description = "Where to write the node key file (posc-node-key/v1, mode 0600, written atomically).",
            HelpName = "file",
            Required = true,
        };
        Option<bool> force = new("--force")
        {
            Description = "Replace an existing key file (atomic rename over it).",
        };
        Command keygen = new("keygen", "Create an Ed25519 node key file (the node service's format) and print its public key (hex).")
        {
            output,
            force,
        };
        keygen.SetAction(parseResult => Generate(context.Output(parseResult), parseResult.GetRequiredValue(output), parseResult.GetValue(force)));
        return keygen;
    }

    private static int Generate(ConsoleOutput output, string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CliException.Usage("--out needs a file path; got an empty one.");
        }

        if (Directory.Exists(path))
        {
            throw CliException.Usage($"'{path}' is a directory; --out needs a file path.");
        }

        bool exists = File.Exists(path);
        if (exists && !force)
        {
            throw AlreadyExists(path);
        }

        string fullPath = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(fullPath);
        if (directory is null || !Directory.Exists(directory))
        {
            // NodeKeyFile.Save would create it; a mistyped folder should be an error, not a new tree.
            throw CliException.Usage($"directory does not exist: '{directory}'.");
        }

        using NodeKey key = NodeKey.Generate();
        if (exists)
        {
            Replace(key, fullPath, directory);
        }
        else
        {
            try
            {
                NodeKeyFile.Save(key, fullPath);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another process created the file between the check and the rename; it is kept.
                throw AlreadyExists(path);
            }
        }

        if (output.Json)
        {
            output.WriteJson(new KeygenResult(key.PublicKey.ToString(), fullPath, exists));
        }
        else
        {
            output.Line("public key: " + key.PublicKey);
            output.Line("key file:   " + fullPath + (exists ? " (replaced)" : string.Empty));
        }

        return ExitCodes.Valid;
    }

    /// <summary>
    /// Saves the key under a temporary name in the same folder (NodeKeyFile: mode 0600, flushed) and
    /// renames it over <paramref name="fullPath"/>; rename replaces atomically, so there is no moment
    /// without a whole key file. The temporary file is removed if anything fails.
    /// </summary>
    private static void Replace(NodeKey key, string fullPath, string directory)
    {
        string staging = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.new");
        try
        {
            NodeKeyFile.Save(key, staging);
            File.Move(staging, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(staging))
            {
                File.Delete(staging);
            }
        }
    }

    private static CliException AlreadyExists(string path) =>
        CliException.Usage($"key file already exists: '{path}' (use --force to replace it).");
}

/// <summary>The result of <c>posc keygen</c> as printed with <c>--json</c>.</summary>
/// <param name="PublicKey">The Ed25519 public key, 64 hex characters.</param>
/// <param name="KeyFile">Full path of the written key file.</param>
/// <param name="Replaced">True when <c>--force</c> replaced an existing key file.</param>
public sealed record KeygenResult(string PublicKey, string KeyFile, bool Replaced);
