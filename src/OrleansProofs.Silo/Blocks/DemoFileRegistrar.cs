// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Blocks;

/// <summary>
/// Creates the demo files (<c>{data}/demo-files/demo-NNN.bin</c>, random bytes, kept across restarts) and
/// registers each one through <see cref="IChainGrain.RegisterAsync"/>, so a fresh node shows chains
/// being proven. Registration is idempotent: a restarted node finds its chains already registered.
/// </summary>
internal sealed partial class DemoFileRegistrar(
    IGrainFactory grains,
    IOptions<BlockSourceOptions> options,
    NodeContext node,
    ILogger<DemoFileRegistrar> logger)
{
    /// <summary>The folder, inside the data folder, that holds the demo files.</summary>
    public const string FolderName = "demo-files";

    /// <summary>The data path (relative to the data folder) of demo file <paramref name="index"/> (1-based).</summary>
    public static string DataPathOf(int index) => Path.Combine(FolderName, $"demo-{index:D3}.bin");

    /// <summary>Creates the missing demo files and registers all of them on <paramref name="network"/>; returns the chains registered.</summary>
    public async Task<IReadOnlyList<RegisteredChain>> RegisterAsync(string network, CancellationToken cancellationToken)
    {
        int count = options.Value.DemoFiles;
        List<RegisteredChain> registered = [];
        if (count == 0)
        {
            return registered;
        }

        Directory.CreateDirectory(Path.Combine(node.DataDirectory, FolderName));
        for (int index = 1; index <= count; index++)
        {
            string dataPath = DataPathOf(index);
            string fullPath = Path.Combine(node.DataDirectory, dataPath);
            try
            {
                if (!File.Exists(fullPath))
                {
                    await CreateAsync(fullPath, options.Value.DemoFileSize, cancellationToken);
                    LogFileCreated(logger, fullPath, options.Value.DemoFileSize);
                }

                Hash32 dataHash = await DataHash.ComputeAsync(fullPath, cancellationToken);
                Hash32 chainId = ChainId.Compute(dataHash, node.Key.PublicKey);
                RegisteredChain chain = await grains.GetGrain<IChainGrain>(chainId.ToString())
                    .RegisterAsync(new ChainRegistrationRequest(dataPath, network));
                registered.Add(chain);
                LogRegistered(logger, dataPath, chain.ChainId.ToString(), chain.AnchorHeight, chain.ActivationHeight, chain.TotalChunks);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogRegistrationFailed(logger, exception, dataPath);
            }
        }

        return registered;
    }

    private static async Task CreateAsync(string path, int size, CancellationToken cancellationToken)
    {
        string temporary = path + ".tmp";
        byte[] buffer = new byte[Math.Min(size, 1 << 20)];
        await using (FileStream stream = new(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 0, useAsync: true))
        {
            for (int written = 0; written < size; written += buffer.Length)
            {
                int length = Math.Min(buffer.Length, size - written);
                RandomNumberGenerator.Fill(buffer.AsSpan(0, length));
                await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo file {Path} created ({Size} random bytes)")]
    private static partial void LogFileCreated(ILogger logger, string path, int size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} registered for {DataPath}: anchor {Anchor}, active from {Activation}, {Chunks} chunks")]
    private static partial void LogRegistered(ILogger logger, string dataPath, string chainId, ulong anchor, ulong activation, ulong chunks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo file {DataPath} could not be registered")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, string dataPath);
}
