// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Reflection;

namespace OrleansProofs.Silo.Storage;

/// <summary>One versioned schema script (<c>infra/sql/{dialect}/NNNN-name.sql</c>), embedded in this assembly.</summary>
/// <param name="Version">Its version: the NNNN of its file name, 1, 2, 3… without gaps.</param>
/// <param name="Name">Its name: the rest of the file name.</param>
/// <param name="Text">The SQL.</param>
public sealed record SqlScript(int Version, string Name, string Text)
{
    /// <summary>
    /// The scripts embedded under <paramref name="resourcePrefix"/>, ascending by version; the build fails
    /// fast (at first use) on a misnamed, missing or gapped script rather than migrating a database partly.
    /// </summary>
    /// <param name="resourcePrefix">The manifest resource name prefix the project gives the folder.</param>
    /// <param name="folder">The repository folder the scripts come from, for messages.</param>
    public static IReadOnlyList<SqlScript> LoadEmbedded(string resourcePrefix, string folder)
    {
        Assembly assembly = typeof(SqlScript).Assembly;
        List<SqlScript> scripts = [];
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[resourcePrefix.Length..^".sql".Length];
            int dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version < 1)
            {
                throw new InvalidOperationException($"The embedded script '{folder}/{name}.sql' must be named 'NNNN-name.sql' with a version of at least 1.");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using StreamReader reader = new(stream);
            scripts.Add(new SqlScript(version, name[(dash + 1)..], reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The embedded scripts of {folder} must be numbered 1, 2, 3… without gaps or repeats; found version {scripts[i].Version} at position {i + 1}.");
            }
        }

        return scripts.Count > 0
            ? scripts
            : throw new InvalidOperationException($"No script is embedded from {folder} (expected {folder}/NNNN-name.sql).");
    }
}
