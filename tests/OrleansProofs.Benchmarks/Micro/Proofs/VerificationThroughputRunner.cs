// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Tests.Proofs;

namespace OrleansProofs.Benchmarks.Micro.Proofs;

/// <summary>
/// How many proofs of one block a verifier checks per second, standard profile, 100,000 chains, with
/// and without the verification caches (<see cref="IteratedHashCache"/>, <see cref="SignatureCheckCache"/>),
/// measured in the same run:
/// (1) the block-level work of every proof — hierarchy path to the global root and the block signature —
/// for every chain of the first <c>groups</c> groups (1,000 chains each), on one core and on all cores;
/// (2) a whole compact proof (decode, window recomputation, path, signature) of the scenario's real chain,
/// cold, with warm caches on one core, and on all cores. A verifier checking every chain of a block pays
/// (2)'s warm cost per proof plus (1)'s amortised share of the group, region and global hashes. Usage: <c>verify [groups=4]</c>.
/// </summary>
public static class VerificationThroughputRunner
{
    public static int Run(string[] args, TextWriter output)
    {
        int groups = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 4;
        using ProvingScenario scenario = ProvingScenario.Run(ConsensusParameters.Standard, chunkCount: 64, blocks: 8, otherChains: 99_999);
        ulong height = scenario.LastHeight;
        BlockHierarchy hierarchy = scenario.HierarchyAt(height);
        BlockAttestation attestation = scenario.AttestationAt(height);
        byte[] signature = scenario.SignatureAt(height);
        HierarchyParameters parameters = scenario.Parameters.ToHierarchyParameters();
        ProverPublicKey prover = scenario.Key.PublicKey;

        // The chains of the first groups, as a verifier auditing a whole prover meets them.
        (Hash32 Chain, Hash32 Commitment, HierarchyPath Path)[] proofs = [.. scenario.OtherChains
            .Select(chain => (Chain: chain, Path: hierarchy.GetPath(chain)))
            .Where(p => p.Path.GroupId < (uint)groups)
            .Select(p => (p.Chain, ProvingScenario.OtherCommitment(p.Chain, height), p.Path))];
        output.WriteLine($"{proofs.Length:N0} chains in groups 0..{groups - 1} of a {hierarchy.TotalChains:N0}-chain block (standard profile); {Environment.ProcessorCount} cores");

        bool BlockLevel(int i, IteratedHashCache? hashes, SignatureCheckCache? signatures)
        {
            (Hash32 chain, Hash32 commitment, HierarchyPath path) = proofs[i];
            HierarchyVerificationResult shape = HierarchyPathVerifier.TryComputeGlobalRoot(path, chain, height, commitment, parameters, hashes, out Hash32 root);
            return shape.IsValid && root == attestation.GlobalRoot && attestation.VerifySignature(prover, signature, signatures);
        }

        int uncachedSample = Math.Min(200, proofs.Length);
        double uncached = Measure(() =>
        {
            for (int i = 0; i < uncachedSample; i++)
            {
                Check(BlockLevel(i, null, null));
            }
        }) / uncachedSample;

        IteratedHashCache sharedHashes = new();
        SignatureCheckCache sharedSignatures = new();
        double cachedOneCore = Measure(() =>
        {
            for (int i = 0; i < proofs.Length; i++)
            {
                Check(BlockLevel(i, sharedHashes, sharedSignatures));
            }
        }) / proofs.Length;

        IteratedHashCache parallelHashes = new();
        SignatureCheckCache parallelSignatures = new();
        double cachedAllCores = Measure(() => Parallel.For(0, proofs.Length, i => Check(BlockLevel(i, parallelHashes, parallelSignatures)))) / proofs.Length;

        output.WriteLine($"block-level check per proof, no cache:        {uncached * 1e3,8:F3} ms  ({1 / uncached,9:N0}/s)");
        output.WriteLine($"block-level check per proof, caches, 1 core:  {cachedOneCore * 1e3,8:F3} ms  ({1 / cachedOneCore,9:N0}/s)  = {uncached / cachedOneCore:F0}x");
        output.WriteLine($"block-level check per proof, caches, all:     {cachedAllCores * 1e3,8:F3} ms  ({1 / cachedAllCores,9:N0}/s)  = {uncached / cachedAllCores:F0}x");

        byte[] compact = scenario.BuildCompact().Encode();
        ProofVerificationContext cold = scenario.Context;
        ProofVerificationContext warm = scenario.Context with { HierarchyCache = new(), SignatureCache = new() };
        Check(ProofVerifier.Verify(ProofFormat.Compact, compact, warm).IsValid);
        const int Rounds = 200;
        double compactCold = Measure(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                Check(ProofVerifier.Verify(ProofFormat.Compact, compact, cold).IsValid);
            }
        }) / 20;
        double compactWarm = Measure(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                Check(ProofVerifier.Verify(ProofFormat.Compact, compact, warm).IsValid);
            }
        }) / Rounds;
        output.WriteLine($"compact proof (decode + window + path + signature), cold: {compactCold * 1e3,8:F3} ms ({1 / compactCold,9:N0}/s)");
        output.WriteLine($"compact proof, warm caches:                               {compactWarm * 1e3,8:F3} ms ({1 / compactWarm,9:N0}/s)  = {compactCold / compactWarm:F0}x");
        double compactWarmAllCores = Measure(() => Parallel.For(0, Rounds * Environment.ProcessorCount,
            _ => Check(ProofVerifier.Verify(ProofFormat.Compact, compact, warm).IsValid))) / (Rounds * Environment.ProcessorCount);
        output.WriteLine($"compact proof, warm caches, all cores:                    {compactWarmAllCores * 1e3,8:F3} ms ({1 / compactWarmAllCores,9:N0}/s)  = {compactCold / compactWarmAllCores:F0}x");
        return 0;
    }

    private static double Measure(Action work)
    {
        Stopwatch stopwatch = Stopwatch.StartNew();
        work();
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static void Check(bool valid)
    {
        if (!valid)
        {
            throw new InvalidOperationException("A proof that must verify did not.");
        }
    }
}
