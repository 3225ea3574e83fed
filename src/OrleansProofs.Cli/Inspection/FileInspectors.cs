// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli.Inspection;

/// <summary>The inspectors <c>posc inspect</c> tries, in order. Register new formats here.</summary>
public static class FileInspectors
{
    /// <summary>Every format posc can inspect.</summary>
    public static IReadOnlyList<IFileInspector> Default { get; } =
    [
        new HashChainInspector(),
    ];
}
