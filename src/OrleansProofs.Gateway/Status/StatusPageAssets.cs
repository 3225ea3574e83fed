// SPDX-License-Identifier: MIT

using System.Collections.Frozen;

namespace OrleansProofs.Gateway.Status;

/// <summary>
/// The status page's files (StatusPage/*: HTML, CSS, JS), embedded in this assembly so the gateway serves
/// them with nothing on disk and nothing fetched from elsewhere. Read once at first use.
/// </summary>
internal static class StatusPageAssets
{
    /// <summary>The resource name prefix the project file gives the page's files.</summary>
    private const string Prefix = "StatusPage.";

    private static readonly FrozenDictionary<string, StatusPageAsset> s_assets = Load();

    /// <summary>The asset named <paramref name="name"/> (e.g. "status.js"), or null.</summary>
    public static StatusPageAsset? Find(string name) => s_assets.GetValueOrDefault(name);

    private static FrozenDictionary<string, StatusPageAsset> Load()
    {
        System.Reflection.Assembly assembly = typeof(StatusPageAssets).Assembly;
        Dictionary<string, StatusPageAsset> assets = new(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource {resource} could not be opened.");
            using MemoryStream copy = new();
            stream.CopyTo(copy);
            string name = resource[Prefix.Length..];
            assets[name] = new StatusPageAsset(ContentTypeOf(name), copy.ToArray());
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}

/// <summary>One embedded file of the status page.</summary>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its bytes.</param>
internal sealed record StatusPageAsset(string ContentType, byte[] Content);
