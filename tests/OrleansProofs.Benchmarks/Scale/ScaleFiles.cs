// SPDX-License-Identifier: MIT

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>Generates the runner's data files: deterministic pseudo-random bytes, distinct per file (so every chain id differs).</summary>
internal static class ScaleFiles
{
    public const string FolderName = "scale-files";

    /// <summary>Writes <paramref name="count"/> files of <paramref name="size"/> bytes; returns their paths relative to the data folder.</summary>
    public static string[] Generate(string dataDirectory, int count, int size)
    {
        string folder = Path.Combine(dataDirectory, FolderName);
        Directory.CreateDirectory(folder);
        string[] paths = new string[count];
        byte[] buffer = new byte[size];
        for (int i = 0; i < count; i++)
        {
            new Random(i).NextBytes(buffer);
            paths[i] = Path.Combine(FolderName, $"file-{i:D7}.bin");
            File.WriteAllBytes(Path.Combine(dataDirectory, paths[i]), buffer);
        }

        return paths;
    }
}
