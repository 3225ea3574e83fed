// SPDX-License-Identifier: MIT

using System.CommandLine;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc keygen --out &lt;file&gt; [--force]</c>: creates an Ed25519 node key, writes it with
/// <see cref="KeyFileWriter"/> and prints the public key. Refuses to replace an existing file
/// without <c>--force</c> (exit 2).
/// </summary>
public static class KeygenCommand
{
    /// <summary>Builds <c>keygen</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Option<string> output = new("--out", "-o")
        {
            Description = "Where to write the key file (mode 0600, written atomically).",
            HelpName = "file",
            Required = true,
        };
        Option<bool> force = new("--force")
        {
            Description = "Replace an existing key file.",
        };
        Command keygen = new("keygen", "Create an Ed25519 node key file and print its public key (hex).")
        {
            output,
            force,
        };
        keygen.SetAction(parseResult => Generate(context.Output(parseResult), parseResult.GetRequiredValue(output), parseResult.GetValue(force)));
        return keygen;
    }

    private static int Generate(ConsoleOutput output, string path, bool force)
    {
        if (Directory.Exists(path))
        {
            throw CliException.Usage($"'{path}' is a directory; --out needs a file path.");
        }

        if (File.Exists(path) && !force)
        {
            throw CliException.Usage($"key file already exists: '{path}' (use --force to replace it).");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is null || !Directory.Exists(directory))
        {
            throw CliException.Usage($"directory does not exist: '{directory}'.");
        }

        using NodeKey key = NodeKey.Generate();
        try
        {
            KeyFileWriter.Write(path, key, overwrite: force);
        }
        catch (IOException) when (!force && File.Exists(path))
        {
            throw CliException.Usage($"key file already exists: '{path}' (use --force to replace it).");
        }

        string fullPath = Path.GetFullPath(path);
        if (output.Json)
        {
            output.WriteJson(new KeygenResult(key.PublicKey.ToString(), fullPath));
        }
        else
        {
            output.Line("public key: " + key.PublicKey);
            output.Line("key file:   " + fullPath);
        }

        return ExitCodes.Valid;
    }
}

/// <summary>The result of <c>posc keygen</c> as printed with <c>--json</c>.</summary>
/// <param name="PublicKey">The Ed25519 public key, 64 hex characters.</param>
/// <param name="KeyFile">Full path of the written key file.</param>
public sealed record KeygenResult(string PublicKey, string KeyFile);
