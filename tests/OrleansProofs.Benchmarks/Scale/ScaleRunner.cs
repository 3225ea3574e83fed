// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// The block-scale runner: generates <see cref="ScaleOptions.Chains"/> files, starts the real embedded
/// node, announces a first block, registers every file through its chain grain (replica encoding,
/// anchoring, enrollment), then drives <see cref="ScaleOptions.Blocks"/> blocks through the block ingress
/// and reports each block's time, phases, chains, memory and bytes written, then p50/p95.
/// Usage: <c>scale --chains N --blocks B [--storage sqlite|postgres --postgres CONNECTION] [--profile standard|enhanced|dev] [--file-size BYTES] [--data DIR] [--json FILE] [--vdf]</c>.
/// With <c>--vdf</c> the node runs its continuous VDF and the summary adds its rate alone (5 s, silo idle),
/// over the block loop, and inside the blocks' commit and hierarchy phases.
/// </summary>
public static class ScaleRunner
{
    /// <summary>How long the VDF's rate is measured alone, with the silo idle, before the blocks (<c>--vdf</c>).</summary>
    private static readonly TimeSpan VdfAloneWindow = TimeSpan.FromSeconds(5);

    /// <summary>Runs with the arguments after "scale"; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        ScaleOptions options;
        try
        {
            options = ScaleOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            output.WriteLine(error.Message);
            return 2;
        }

        return RunAsync(options, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ScaleOptions options, TextWriter output)
    {
        bool keepData = options.DataDirectory is not null;
        string dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "posc-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            output.WriteLine($"scale: {options.Chains:N0} chains x {options.FileSize:N0} B files, {options.Blocks} blocks, profile {options.Profile}, storage {options.Storage}, native SHA-256 {Sha256.IsNativeFastPath}, {Environment.ProcessorCount} cores");
            ScaleDataFolder folder = new(dataDirectory);
            bool reuse = folder.HoldsRegistration(options);
            Stopwatch phase = Stopwatch.StartNew();
            string[] paths = reuse ? [] : ScaleFiles.Generate(dataDirectory, options.Chains, options.FileSize);
            if (!reuse)
            {
                output.WriteLine($"files generated in {phase.Elapsed.TotalSeconds:F1} s");
            }

            phase.Restart();
            await using ScaleNode node = await ScaleNode.StartAsync(dataDirectory, options);
            IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>(ScaleNode.Network);
            double registrationSeconds;
            ulong height;
            if (reuse)
            {
                height = (await ingress.GetLatestAsync())?.Height
                    ?? throw new InvalidOperationException($"The data folder {dataDirectory} says it holds {options.Chains:N0} registered chains, but its node has no block.");
                registrationSeconds = folder.RegistrationSeconds;
                output.WriteLine($"reusing {dataDirectory}: {options.Chains:N0} chains registered by an earlier run ({registrationSeconds:F1} s then), latest block {height}; silo started in {phase.Elapsed.TotalSeconds:F1} s");

                // After a restart every chain grain activates again (state read + log replay): timed on its
                // own, then the first block, neither counted among the steady-state blocks.
                phase.Restart();
                int activated = await ActivateAllAsync(node, ingress, options.RegistrationParallelism);
                output.WriteLine($"activated {activated:N0} chain grains in {phase.Elapsed.TotalSeconds:F1} s ({activated / phase.Elapsed.TotalSeconds:N0}/s)");
                phase.Restart();
                height++;
                BlockRecord cold = await RecordBlockAsync(ingress, height);
                output.WriteLine($"first block after restart: {phase.Elapsed.TotalSeconds:F1} s for {cold.TotalChains:N0} chains (activation of every chain grain)");
            }
            else
            {
                height = 1;
                await RecordBlockAsync(ingress, height);
                phase.Restart();
                await RegisterAsync(node, paths, options.RegistrationParallelism);
                registrationSeconds = phase.Elapsed.TotalSeconds;
                output.WriteLine($"registered {paths.Length:N0} chains in {registrationSeconds:F1} s ({paths.Length / registrationSeconds:N0}/s); database {await node.DatabaseBytesAsync():N0} B");
                if (keepData)
                {
                    folder.RecordRegistration(options, registrationSeconds);
                }
            }

            await using VdfRateSampler? vdf = options.Vdf ? new VdfRateSampler(node.Grains) : null;
            double aloneRate = 0;
            if (vdf is not null)
            {
                // The evaluator alone (the silo idle) first, back to back with the block loop below.
                await Task.Delay(TimeSpan.FromSeconds(0.5));
                double aloneFrom = vdf.Now;
                await Task.Delay(VdfAloneWindow);
                aloneRate = vdf.Rate(aloneFrom, vdf.Now);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vdf alone: {aloneRate:N0} it/s over {VdfAloneWindow.TotalSeconds:F0} s"));
            }

            List<ScaleBlockRow> rows = [];
            List<(double From, double To)> committing = [];
            double loopFrom = vdf?.Now ?? 0;
            output.WriteLine(ScaleReport.Header);
            for (int i = 0; i < options.Blocks; i++)
            {
                height++;
                long written = ProcessFigures.BytesWritten();
                double blockFrom = vdf?.Now ?? 0;
                long started = Stopwatch.GetTimestamp();
                BlockRecord record = await RecordBlockAsync(ingress, height);
                double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
                BlockTimings t = record.Timings;
                committing.Add((blockFrom, blockFrom + (t.Commit + t.Hierarchy).TotalSeconds));
                ScaleBlockRow row = new(
                    height,
                    wall,
                    t.Commit.TotalSeconds,
                    t.Hierarchy.TotalSeconds,
                    t.Sign.TotalSeconds,
                    Math.Max(0, wall - t.Commit.TotalSeconds - t.Hierarchy.TotalSeconds - t.Sign.TotalSeconds),
                    record.TotalChains,
                    record.Faults,
                    ProcessFigures.WorkingSet(),
                    ProcessFigures.ManagedHeap(),
                    ProcessFigures.BytesWritten() - written);
                rows.Add(row);
                output.WriteLine(ScaleReport.Line(row));
                if (row.Chains != (ulong)options.Chains)
                {
                    output.WriteLine($"block {height} covered {row.Chains:N0} chains, expected {options.Chains:N0}");
                    return 1;
                }
            }

            ScaleSummary summary = ScaleSummary.From(options, registrationSeconds, rows, ProcessFigures.PeakWorkingSet(), await node.DatabaseBytesAsync());
            if (vdf is not null)
            {
                double loopTo = vdf.Now;
                await Task.Delay(TimeSpan.FromSeconds(0.1)); // one more sample after the loop, for the interpolation
                VdfStatus status = await node.Grains.GetGrain<IVdfGrain>(IVdfGrain.GrainKey).GetStatusAsync();
                summary = summary with
                {
                    VdfIterationsPerSecond = vdf.Rate(loopFrom, loopTo),
                    VdfIterationsPerSecondAlone = aloneRate,
                    VdfIterationsPerSecondWhileCommitting = vdf.Rate(committing),
                    VdfBufferBytes = status.BufferBytes,
                };
            }

            output.WriteLine(ScaleReport.Summary(summary));
            if (options.JsonPath is { } json)
            {
                ScaleReport.WriteJson(json, summary, rows);
                output.WriteLine($"wrote {json}");
            }

            return 0;
        }
        finally
        {
            if (!keepData)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    /// <summary>Registers every file through its chain grain, <paramref name="parallelism"/> at a time.</summary>
    private static async Task RegisterAsync(ScaleNode node, string[] paths, int parallelism)
    {
        ProverPublicKey prover = node.Prover();
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (dataPath, cancellationToken) =>
        {
            Hash32 dataHash = await DataHash.ComputeAsync(Path.Combine(node.DataDirectory, dataPath), cancellationToken);
            Hash32 chainId = ChainId.Compute(dataHash, prover);
            await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest(dataPath, ScaleNode.Network));
        });
    }

    /// <summary>
    /// Announces the block at <paramref name="height"/> and returns its record. A block that takes longer
    /// than the client's response timeout (30 s) is not lost: the ingress goes on and records it, so the
    /// runner then polls for the record instead of failing, and announces the block again when the ingress
    /// is idle without it (the block failed inside), as an adapter does; the wall time includes all of it.
    /// </summary>
    private static async Task<BlockRecord> RecordBlockAsync(IBlockIngressGrain ingress, ulong height)
    {
        try
        {
            return Require(await ingress.OnBlockAsync(Announce(height)), height);
        }
        catch (TimeoutException)
        {
            DateTime deadline = DateTime.UtcNow.AddMinutes(30);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    // The ingress answers once its block is done (it is not reentrant), so this call may time out too.
                    if (await ingress.GetBlockAsync(height) is { } record)
                    {
                        return record;
                    }

                    // The ingress is idle and the block is not recorded: it failed inside (a group's call timed
                    // out); announce it again, as an adapter does.
                    return Require(await ingress.OnBlockAsync(Announce(height)), height);
                }
                catch (TimeoutException)
                {
                    // Still busy (each timed-out call waited 30 s): ask again.
                }
            }

            throw new TimeoutException($"Block {height} was not recorded within 30 minutes of its announcement.");
        }
    }

    /// <summary>Pages through the roster and asks every chain for its info, <paramref name="parallelism"/> at a time.</summary>
    private static async Task<int> ActivateAllAsync(ScaleNode node, IBlockIngressGrain ingress, int parallelism)
    {
        List<Hash32> chains = [];
        Hash32? after = null;
        do
        {
            ChainPage page = await ingress.ListChainsAsync(new ChainListQuery(Status: null, after, Limit: 1_000));
            chains.AddRange(page.Items.Select(item => item.ChainId));
            after = page.Next;
        }
        while (after is not null);

        await Parallel.ForEachAsync(chains, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (chainId, _) =>
        {
            // An activation slower than the client's 30 s timeout goes on in the silo: ask again until it answers.
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).GetSummaryAsync();
                    return;
                }
                catch (TimeoutException) when (attempt < 20)
                {
                }
            }
        });
        return chains.Count;
    }

    /// <summary>A deterministic block: hash = SHA-256("posc-scale" ‖ height), timestamps 16 s apart.</summary>
    private static BlockAnnouncement Announce(ulong height)
    {
        Span<byte> input = stackalloc byte[18];
        "posc-scale"u8.CopyTo(input);
        BinaryPrimitives.WriteUInt64BigEndian(input[10..], height);
        return new BlockAnnouncement(height, Sha256.Hash(input), 1_767_225_600 + (height * 16));
    }

    private static BlockRecord Require(BlockResult result, ulong height) =>
        result.Record ?? throw new InvalidOperationException($"Block {height} was rejected: {result.Rejection} {result.Detail}");
}
