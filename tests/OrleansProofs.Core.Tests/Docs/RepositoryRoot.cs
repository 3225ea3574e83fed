// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Tests.Docs;

/// <summary>Finds the repository root (the folder holding OrleansProofs.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "OrleansProofs.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansProofs.sln above {AppContext.BaseDirectory}.");
    }
}
