// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>
/// The JSON view of a proof (<c>Accept: application/json</c>): the exact encoded bytes in base64
/// (what a verifier takes) and every decoded field, hashes in lower-case hex.
/// </summary>
/// <param name="Format">"ultra-compact", "path", "compact" or "full".</param>
/// <param name="ChainId">The chain.</param>
/// <param name="Height">The block the proof is for.</param>
/// <param name="Size">Encoded size in bytes.</param>
/// <param name="Proof">The encoded proof, base64.</param>
/// <param name="Decoded">The decoded fields (shape depends on the format).</param>
public sealed record ProofResponse(string Format, string ChainId, ulong Height, int Size, string Proof, object Decoded)
{
    /// <summary>Decodes <paramref name="encoded"/> (as this gateway just built it) into its view.</summary>
    public static ProofResponse From(ProofFormat format, Hash32 chainId, ulong height, byte[] encoded) =>
        new(format.ToName(), chainId.ToString(), height, encoded.Length, Convert.ToBase64String(encoded), format switch
        {
            ProofFormat.UltraCompact => UltraCompactView.From(UltraCompactClaim.Decode(encoded)),
            ProofFormat.Path => PathProofView.From(PathProof.Decode(encoded)),
            ProofFormat.Compact => CompactProofView.From(CompactProof.Decode(encoded)),
            _ => FullProofView.From(FullProof.Decode(encoded)),
        });
}

/// <summary>The 136-byte claim's fields.</summary>
public sealed record UltraCompactView(
    string ChainHead, ulong ChainLength, string GlobalRoot, ulong GlobalHeight, string Position, uint TotalChains, ulong Timestamp, string Nonce)
{
    /// <summary>Maps a claim.</summary>
    public static UltraCompactView From(UltraCompactClaim c) =>
        new(c.ChainHead.ToString(), c.ChainLength, c.GlobalRoot.ToString(), c.GlobalHeight, c.Position.ToString(), c.TotalChains, c.Timestamp, c.Nonce.ToString());
}

/// <summary>A path proof's fields.</summary>
public sealed record PathProofView(string ChainId, string Commitment, SealView Seal, HierarchyPathView Path)
{
    /// <summary>Maps a path proof.</summary>
    public static PathProofView From(PathProof p) => new(p.ChainId.ToString(), p.Commitment.ToString(), SealView.From(p.Seal), HierarchyPathView.From(p.Path));
}

/// <summary>A compact proof's fields.</summary>
public sealed record CompactProofView(RegistrationView Registration, WindowView Window, SealView Seal, HierarchyPathView Path)
{
    /// <summary>Maps a compact proof.</summary>
    public static CompactProofView From(CompactProof p) =>
        new(RegistrationView.From(p.Registration), WindowView.From(p.Window), SealView.From(p.Seal), HierarchyPathView.From(p.Path));
}

/// <summary>A full proof's fields: the compact part and one opening per committed chunk (bytes are in the base64 proof).</summary>
public sealed record FullProofView(CompactProofView Compact, IReadOnlyList<OpeningView> Openings)
{
    /// <summary>Maps a full proof.</summary>
    public static FullProofView From(FullProof p) =>
        new(CompactProofView.From(p.Compact), [.. p.Openings.Select(o => new OpeningView(
            TaggedHash.Compute(DomainTags.Leaf, o.Chunk.AsSpan()).ToString(), o.Chunk.Length, [.. o.Path.Select(h => h.ToString())]))]);
}

/// <summary>One opened chunk: its leaf hash, its size and its Merkle path.</summary>
public sealed record OpeningView(string Leaf, int ChunkSize, IReadOnlyList<string> Path);

/// <summary>The registration fields a proof carries.</summary>
public sealed record RegistrationView(
    string DataHash, string ReplicaRoot, ulong FileLength, byte EncodingVersion, uint WorkFactor, ulong AnchorHeight, string AnchorBlockHash)
{
    /// <summary>Maps registration fields.</summary>
    public static RegistrationView From(ChainRegistration r) =>
        new(r.DataHash.ToString(), r.ReplicaRoot.ToString(), r.FileLength, r.EncodingVersion, r.WorkFactor, r.AnchorHeight, r.AnchorBlockHash.ToString());
}

/// <summary>A proof window: the start commitment and one entry per block (empty digests: a gap).</summary>
public sealed record WindowView(ulong FirstHeight, string StartCommitment, IReadOnlyList<WindowEntryView> Entries)
{
    /// <summary>Maps a window.</summary>
    public static WindowView From(ProofWindow w) =>
        new(w.FirstHeight, w.StartCommitment.ToString(), [.. w.Entries.Select((e, i) => new WindowEntryView(
            w.FirstHeight + (ulong)i, e.IsGap, [.. e.AccessDigests.Select(d => d.ToString())]))]);
}

/// <summary>One window entry.</summary>
public sealed record WindowEntryView(ulong Height, bool Gap, IReadOnlyList<string> AccessDigests);

/// <summary>The carried parts of the signed block attestation.</summary>
public sealed record SealView(ulong Timestamp, ulong VdfIterations, string VdfState, string Signature)
{
    /// <summary>Maps a seal.</summary>
    public static SealView From(BlockSeal s) => new(s.Timestamp, s.VdfIterations, s.VdfState.ToString(), Convert.ToHexStringLower(s.Signature));
}

/// <summary>A hierarchy path: chain → group → region → global.</summary>
public sealed record HierarchyPathView(
    ulong Height,
    string BlockHash,
    string PreviousGlobalRoot,
    ulong TotalChains,
    uint MemberCount,
    uint LeafIndex,
    IReadOnlyList<string> MemberPath,
    uint GroupId,
    uint GroupCount,
    uint GroupIndex,
    IReadOnlyList<string> GroupPath,
    uint RegionId,
    uint RegionCount,
    uint RegionIndex,
    IReadOnlyList<string> RegionPath)
{
    /// <summary>Maps a path.</summary>
    public static HierarchyPathView From(HierarchyPath p) =>
        new(p.Height, p.BlockHash.ToString(), p.PreviousGlobalRoot.ToString(), p.TotalChains,
            p.MemberCount, p.LeafIndex, Hex(p.MemberPath),
            p.GroupId, p.GroupCount, p.GroupIndex, Hex(p.GroupPath),
            p.RegionId, p.RegionCount, p.RegionIndex, Hex(p.RegionPath));

    private static string[] Hex(ReadOnlySpan<Hash32> hashes)
    {
        string[] result = new string[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            result[i] = hashes[i].ToString();
        }

        return result;
    }
}
