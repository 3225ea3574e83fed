// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hashing;

/// <summary>
/// The ASCII domain tag of every hashed structure. A tagged hash is
/// <c>SHA-256(u8 tagLength ‖ tag ‖ fields)</c>; the length prefix keeps tags prefix-free, so no
/// structure's input can be read as another's. Tags never change within a protocol version:
/// changing one changes every vector in docs/protocol.md.
/// </summary>
public static class DomainTags
{
    /// <summary>Leaf of a replica Merkle tree: one stored (encoded) chunk.</summary>
    public static ReadOnlySpan<byte> Leaf => "posc/v1/leaf"u8;

    /// <summary>Inner node of any Merkle tree (replica and hierarchy).</summary>
    public static ReadOnlySpan<byte> Node => "posc/v1/node"u8;

    /// <summary>Hash of the original (unencoded) file contents, streamed.</summary>
    public static ReadOnlySpan<byte> Data => "posc/v1/data"u8;

    /// <summary>Chain identity: data hash and prover public key.</summary>
    public static ReadOnlySpan<byte> ChainId => "posc/v1/chain-id"u8;

    /// <summary>Ownership commitment binding a chain's replica to its prover.</summary>
    public static ReadOnlySpan<byte> Ownership => "posc/v1/ownership"u8;

    /// <summary>Anchored commitment: the chain's genesis, tied to a layer-1 block.</summary>
    public static ReadOnlySpan<byte> Anchor => "posc/v1/anchor"u8;

    /// <summary>Block entropy: block hash, beacon (or zero) and height.</summary>
    public static ReadOnlySpan<byte> Entropy => "posc/v1/entropy"u8;

    /// <summary>Message the development randomness beacon signs for one height (<see cref="Beacon.SignedBeacon"/>).</summary>
    public static ReadOnlySpan<byte> BeaconMessage => "posc/v1/beacon-message"u8;

    /// <summary>A signed beacon's value: the hash of its signature.</summary>
    public static ReadOnlySpan<byte> BeaconValue => "posc/v1/beacon-value"u8;

    /// <summary>Chunk selection stream for one chain at one block.</summary>
    public static ReadOnlySpan<byte> Selection => "posc/v1/selection"u8;

    /// <summary>Per-block access digest of one selected chunk: binds the chunk's bytes to the block's entropy.</summary>
    public static ReadOnlySpan<byte> Access => "posc/v1/access"u8;

    /// <summary>Per-block access commitment of one chain.</summary>
    public static ReadOnlySpan<byte> Commitment => "posc/v1/commitment"u8;

    /// <summary>Explicit gap record: a chain missed a block.</summary>
    public static ReadOnlySpan<byte> Gap => "posc/v1/gap"u8;

    /// <summary>Key derivation for the prover-specific replica encoding.</summary>
    public static ReadOnlySpan<byte> ReplicaKey => "posc/v1/replica-key"u8;

    /// <summary>Per-chunk keystream of the replica encoding.</summary>
    public static ReadOnlySpan<byte> ReplicaPad => "posc/v1/replica-pad"u8;

    /// <summary>Leaf of a group tree: one chain's commitment at a block.</summary>
    public static ReadOnlySpan<byte> ChainLeaf => "posc/v1/chain-leaf"u8;

    /// <summary>Group root with its iterated work.</summary>
    public static ReadOnlySpan<byte> Group => "posc/v1/group"u8;

    /// <summary>Region root with its iterated work.</summary>
    public static ReadOnlySpan<byte> Region => "posc/v1/region"u8;

    /// <summary>Global root of a block.</summary>
    public static ReadOnlySpan<byte> Global => "posc/v1/global"u8;

    /// <summary>One step of the iterated-hash work on a hierarchy root.</summary>
    public static ReadOnlySpan<byte> Iterate => "posc/v1/iterate"u8;

    /// <summary>Message the prover signs for a block's global root.</summary>
    public static ReadOnlySpan<byte> BlockSignature => "posc/v1/block-signature"u8;

    /// <summary>VDF seed, steps and checkpoints.</summary>
    public static ReadOnlySpan<byte> Vdf => "posc/v1/vdf"u8;

    /// <summary>VDF checkpoint signing message.</summary>
    public static ReadOnlySpan<byte> Checkpoint => "posc/v1/checkpoint"u8;

    /// <summary>Layer-1 checkpoint the prover signs and submits through the blockchain adapter (<see cref="Checkpoints.ProverCheckpoint"/>).</summary>
    public static ReadOnlySpan<byte> LayerOneCheckpoint => "posc/v1/l1-checkpoint"u8;

    /// <summary>A verifier's signed verdict on one layer-1 checkpoint (<see cref="Checkpoints.CheckpointAuditReport"/>).</summary>
    public static ReadOnlySpan<byte> CheckpointAudit => "posc/v1/checkpoint-audit"u8;

    /// <summary>Hash of the consensus parameters, so nodes can compare them in one value.</summary>
    public static ReadOnlySpan<byte> Parameters => "posc/v1/parameters"u8;

    /// <summary>A chain's position in the hierarchy (chain id, group, region), as the ultra-compact claim carries it.</summary>
    public static ReadOnlySpan<byte> Position => "posc/v1/position"u8;

    /// <summary>Availability answer binding: a verifier's nonce, the chain, the index and the stored chunk's bytes.</summary>
    public static ReadOnlySpan<byte> Availability => "posc/v1/availability"u8;

    /// <summary>A verifier's signed availability report (one challenge's outcome and measured round trip).</summary>
    public static ReadOnlySpan<byte> AvailabilityReport => "posc/v1/availability-report"u8;

    /// <summary>A verifier's secret-keyed draw of availability challenges for one prover at one block.</summary>
    public static ReadOnlySpan<byte> AvailabilityDraw => "posc/v1/availability-draw"u8;

    /// <summary>A verifier's signed request that a peer verifier time one data-dependent latency probe (<see cref="Latency.LatencyProbe"/>).</summary>
    public static ReadOnlySpan<byte> LatencyProbe => "posc/v1/latency-probe"u8;

    /// <summary>A verifier's signed measurement of one latency probe it timed (<see cref="Latency.LatencyMeasurement"/>).</summary>
    public static ReadOnlySpan<byte> LatencyMeasurement => "posc/v1/latency-measurement"u8;

    /// <summary>A verifier's signed latency verdict on one prover at one block (<see cref="Latency.LatencyReport"/>).</summary>
    public static ReadOnlySpan<byte> LatencyReport => "posc/v1/latency-report"u8;
}
