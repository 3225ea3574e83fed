// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Cli.Proofs;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Cli.Demo;

/// <summary>
/// Runs a prover in one process over real files: creates demo data files, encodes each into a
/// prover-specific replica under the node key, then drives blocks of a development chain through
/// the protocol — chunk selection, reads, access digests, commitments, the group/region/global
/// hierarchy, the continuous VDF and the signed block attestation — and finally builds all four
/// proof formats for one chain and verifies them as an outside verifier would. Everything it writes
/// (key, replicas, proofs, block table, registration) stays in the workspace, so
/// <c>posc verify</c> can check the proofs again independently.
/// </summary>
public sealed class LocalProverDemo(DemoOptions options, Action<string> log)
{
    /// <summary>Runs the demo and returns its summary.</summary>
    public DemoSummary Run()
    {
        ConsensusParameters parameters = ConsensusParameters.FromName(options.Profile);
        parameters.EnsureValid();
        Directory.CreateDirectory(options.Workspace);
        string dataFolder = Directory.CreateDirectory(Path.Combine(options.Workspace, "data")).FullName;
        string replicaFolder = Directory.CreateDirectory(Path.Combine(options.Workspace, "replicas")).FullName;
        string proofFolder = Directory.CreateDirectory(Path.Combine(options.Workspace, "proofs")).FullName;
        using NodeKey key = NodeKeyFile.LoadOrCreate(Path.Combine(options.Workspace, "node.key"), out bool created);
        log($"node key {(created ? "created" : "loaded")}: {key.PublicKey}");

        DevChain chain = new("demo", 1_700_000_000, parameters.BlockTime);
        const ulong anchorHeight = 0;
        PublicBlock anchor = chain.BlockAt(anchorHeight);
        List<DemoChain> chains = [];
        List<GroupOccupancy> groups = [];
        Stopwatch registration = Stopwatch.StartNew();
        try
        {
            Random random = new(options.Seed);
            for (int i = 0; i < options.Chains; i++)
            {
                string dataPath = Path.Combine(dataFolder, $"file-{i:D3}.bin");
                byte[] data = new byte[random.Next(8 * 1024, 256 * 1024)];
                random.NextBytes(data);
                File.WriteAllBytes(dataPath, data);
                string replicaPath = Path.Combine(replicaFolder, $"file-{i:D3}.replica");
                DeleteReplica(replicaPath);
                ReplicaInfo info = ReplicaEncoder.EncodeFile(dataPath, replicaPath, key.PublicKey, parameters.ReplicaWorkFactor);
                ChainHeader header = ChainHeader.Create(info.DataHash, key.PublicKey, info.ReplicaRoot, (ulong)info.FileLength,
                    info.EncodingVersion, info.WorkFactor, anchorHeight, anchor.BlockHash);
                uint group = GroupAssignment.AssignNewChain(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups), parameters.ChainsPerGroup);
                int slot = groups.FindIndex(g => g.GroupId == group);
                if (slot < 0)
                {
                    groups.Add(new GroupOccupancy(group, 1));
                }
                else
                {
                    groups[slot] = groups[slot] with { MemberCount = groups[slot].MemberCount + 1 };
                }

                chains.Add(new DemoChain(header, replicaPath, group));
            }

            registration.Stop();
            log($"registered {chains.Count} chains ({chains.Sum(c => (long)c.Header.FileLength) / 1024} KiB, work factor {parameters.ReplicaWorkFactor}) in {registration.Elapsed.TotalSeconds:F2} s");

            VdfBuffer vdfBuffer = VdfBuffer.Create(VdfFunction.DeriveSeed(key.PublicKey, anchor.BlockHash), (long)parameters.VdfMemoryBytes);
            ContinuousVdf vdf = ContinuousVdf.Start(vdfBuffer, key, checkpointInterval: parameters.VdfMinimumIterationsPerBlock);
            PublicBlockTable blocks = new();
            Hash32 previousGlobal = Hash32.Zero;
            BlockHierarchy? lastHierarchy = null;
            BlockAttestation lastAttestation = default;
            byte[] lastSignature = [];
            List<DemoBlock> produced = [];
            for (ulong height = anchorHeight + 1; height <= anchorHeight + (ulong)options.Blocks; height++)
            {
                Stopwatch blockTime = Stopwatch.StartNew();
                PublicBlock block = chain.BlockAt(height);
                blocks.Add(block);
                Hash32 entropy = block.Entropy;
                ChainEntry[] entries = chains
                    .Select(c => new ChainEntry(c.Header.ChainId, c.GroupId, c.Commit(height, block.BlockHash, entropy, parameters.ChunksPerBlock).Commitment))
                    .ToArray();
                lastHierarchy = BlockHierarchy.Build(height, block.BlockHash, previousGlobal, entries, parameters.ToHierarchyParameters());
                previousGlobal = lastHierarchy.GlobalRoot;
                vdf.Absorb(lastHierarchy.GlobalRoot);
                vdf.Advance(parameters.VdfMinimumIterationsPerBlock);
                VdfSnapshot point = vdf.Snapshot();
                lastAttestation = new BlockAttestation(height, block.BlockHash, lastHierarchy.GlobalRoot, lastHierarchy.TotalChains,
                    block.Timestamp!.Value, point.Iterations, point.State);
                lastSignature = lastAttestation.Sign(key);
                blockTime.Stop();
                produced.Add(new DemoBlock(height, block.BlockHash.ToString(), lastHierarchy.GlobalRoot.ToString(), chains.Count, blockTime.Elapsed.TotalMilliseconds));
                log($"block {height}: {chains.Count} chains, global root {lastHierarchy.GlobalRoot.ToString()[..16]}…, vdf {point.Iterations:N0} it, {blockTime.Elapsed.TotalMilliseconds:F1} ms");
            }

            return Prove(parameters, key, chains[0], lastHierarchy!, lastAttestation, lastSignature, blocks, proofFolder, produced, registration.Elapsed);
        }
        finally
        {
            foreach (DemoChain demoChain in chains)
            {
                demoChain.Dispose();
            }
        }
    }

    private DemoSummary Prove(
        ConsensusParameters parameters, NodeKey key, DemoChain subject, BlockHierarchy hierarchy, BlockAttestation attestation, byte[] signature,
        PublicBlockTable blocks, string proofFolder, List<DemoBlock> produced, TimeSpan registration)
    {
        ChainHeader header = subject.Header;
        HierarchyPath path = hierarchy.GetPath(header.ChainId);
        IReadOnlyList<ChainRecord> window = subject.Records.TakeLast(parameters.ProofWindowBlocks).ToList();
        AuditorNonce nonce = AuditorNonce.Random();
        PathProof pathProof = ProofBuilder.BuildPath(subject.Records[^1], header.ChainId, path, attestation, signature);
        CompactProof compact = ProofBuilder.BuildCompact(header, window, path, attestation, signature);
        FullProof full;
        using (ReplicaOpener opener = subject.OpenReplica())
        {
            full = ProofBuilder.BuildFull(header, window, path, attestation, signature, opener);
        }

        UltraCompactClaim claim = ProofBuilder.BuildUltraCompact(header, subject.Records[^1], path, attestation, nonce);
        ProofVerificationContext context = new(key.PublicKey, parameters, blocks) { RegisteredChain = header };
        List<DemoProof> proofs =
        [
            Check(ProofFormat.UltraCompact, claim.Encode(), ProofVerifier.VerifyUltraCompact(claim, pathProof, nonce, context), proofFolder, "claim"),
            Check(ProofFormat.Path, pathProof.Encode(), null, proofFolder, "bin"),
            Check(ProofFormat.Compact, compact.Encode(), null, proofFolder, "bin"),
            Check(ProofFormat.Full, full.Encode(), null, proofFolder, "bin"),
        ];

        WriteBlockTable(blocks, produced, Path.Combine(options.Workspace, "blocks.txt"));
        WriteRegistration(header, Path.Combine(options.Workspace, "registration.json"));
        File.WriteAllText(Path.Combine(options.Workspace, "nonce.txt"), nonce + Environment.NewLine);
        return new DemoSummary(
            Path.GetFullPath(options.Workspace), key.PublicKey.ToString(), parameters.Name, produced.Count, produced.Count == 0 ? 0 : produced[0].Chains,
            registration.TotalSeconds, header.ChainId.ToString(), produced, proofs);

        DemoProof Check(ProofFormat format, byte[] bytes, ProofVerificationResult? result, string folder, string extension)
        {
            result ??= ProofVerifier.Verify(format, bytes, context);
            string file = Path.Combine(folder, $"{format.ToName()}.{extension}");
            File.WriteAllBytes(file, bytes);
            log($"{format.ToName(),-14} {bytes.Length,7:N0} bytes  {(result.IsValid ? "valid" : "INVALID: " + result.Reason)}");
            return new DemoProof(format.ToName(), bytes.Length, result.IsValid, result.Reason, file);
        }
    }

    private static void WriteBlockTable(PublicBlockTable blocks, List<DemoBlock> produced, string path)
    {
        using StreamWriter writer = new(path);
        writer.WriteLine("# height blockHash timestamp — the dev chain's public blocks (posc verify --block-hashes)");
        foreach (DemoBlock block in produced)
        {
            PublicBlock known = blocks.Get(block.Height)!;
            writer.WriteLine($"{known.Height} {known.BlockHash} {known.Timestamp}");
        }
    }

    private static void WriteRegistration(ChainHeader header, string path) =>
        File.WriteAllText(path, RegistrationFile.ToJson(ChainRegistration.From(header)));

    private static void DeleteReplica(string replicaPath)
    {
        File.Delete(replicaPath);
        File.Delete(ReplicaLeafFile.PathFor(replicaPath));
    }
}

/// <summary>Demo settings.</summary>
public sealed record DemoOptions(string Workspace, int Chains, int Blocks, string Profile, int Seed);

/// <summary>One produced block.</summary>
public sealed record DemoBlock(ulong Height, string BlockHash, string GlobalRoot, int Chains, double Milliseconds);

/// <summary>One proof the demo built and verified.</summary>
public sealed record DemoProof(string Format, int Bytes, bool Valid, string? Reason, string File);

/// <summary>What the demo did.</summary>
public sealed record DemoSummary(
    string Workspace, string PublicKey, string Profile, int Blocks, int Chains, double RegistrationSeconds, string ProvedChain,
    IReadOnlyList<DemoBlock> BlockLog, IReadOnlyList<DemoProof> Proofs)
{
    /// <summary>True when every proof verified.</summary>
    public bool AllValid => Proofs.All(p => p.Valid);
}
