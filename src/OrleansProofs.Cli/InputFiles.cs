// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli;

/// <summary>Checks input paths before a command reads them, so a missing file gets a precise message and exit code 2.</summary>
internal static class InputFiles
{
    /// <summary>Returns the full path of <paramref name="path"/>, or throws a usage failure naming its <paramref name="role"/>.</summary>
    public static string RequireFile(string path, string role)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CliException.Usage($"the {role} path is empty.");
        }

        if (Directory.Exists(path))
        {
            throw CliException.Usage($"{role} '{path}' is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw CliException.Usage($"{role} not found: '{path}'.");
        }

        return Path.GetFullPath(path);
    }
}
