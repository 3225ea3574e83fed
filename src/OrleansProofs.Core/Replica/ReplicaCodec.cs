// SPDX-License-Identifier: MIT
//  Replica encoding, version 1
//      Prover-specific, chained, work-weighted XOR pad over 4,096-byte chunks.
//  Definitions (H = tagged SHA-256 through ProtocolWriter, SHA-256 = plain):
//      key    = H("posc/v1/replica-key" ‖ prover_pk(32) ‖ data_hash(32) ‖ u8 version ‖ u32 W)
//      link_0 = 32 zero bytes;  link_i = leaf_{i-1} = TaggedHash("posc/v1/leaf", stored_{i-1})
//      s_0    = H("posc/v1/replica-pad" ‖ key ‖ u64 i ‖ link_i)
//      s_j+1  = SHA-256(s_j)                              for j = 0 .. W-1  (sequential)
//      pad_i  = SHA-256(s_W ‖ u32 0) ‖ … ‖ SHA-256(s_W ‖ u32 127)          (4,096 bytes)
//      stored_i = plain_i (zero-padded to 4,096) XOR pad_i
//  Properties:
//      encode is sequential over chunks (pad_i needs stored_{i-1}); decode of chunk i needs only
//      stored_{i-1} (or its leaf) and stored_i, so decoding is parallel; docs/protocol/storage.md.

using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// The prover-specific replica encoding of one file for one prover. A stored chunk is the plain
/// chunk XORed with a pad that takes <see cref="WorkFactor"/> sequential SHA-256 iterations to
/// derive, keyed by the prover's public key and the data hash, and chained to the previous stored
/// chunk's leaf. Anyone (a verifier included) can re-derive it; what it forces is cost: a prover
/// that keeps only the plain data (or one copy shared with other provers) must spend W sequential
/// hashes per challenged chunk, and without per-chunk state it must re-encode the whole prefix.
/// Every method is allocation-free.
/// </summary>
public sealed class ReplicaCodec
{
    /// <summary>The encoding version this codec implements (committed in the key and in <see cref="ReplicaInfo"/>).</summary>
    public const byte EncodingVersion = 1;

    /// <summary>
    /// Production work factor: 1,024 sequential SHA-256 iterations per chunk. Measured in
    /// docs/protocol/storage.md (about 0.2 ms per chunk on one core with SHA-NI), which costs an
    /// honest prover about 50 s of one core per GiB once, at encoding, and a cheater the same per
    /// challenged chunk at every block.
    /// </summary>
    public const uint DefaultWorkFactor = 1024;

    /// <summary>
    /// Upper bound on the work factor (about 0.2 s of hashing per chunk): a sanity limit so a bad
    /// parameter cannot make decoding a single chunk take minutes.
    /// </summary>
    public const uint MaxWorkFactor = 1 << 20;

    /// <summary>Number of 32-byte pad blocks per chunk.</summary>
    private const int PadBlocks = ChunkLayout.ChunkSize / Hash32.Size;

    /// <summary>Bytes of the key derivation input: tag (1 + 19), key (32), data hash (32), version (1), W (4).</summary>
    private const int KeyInputSize = 1 + 19 + 32 + 32 + 1 + 4;

    /// <summary>Bytes of the pad seed input: tag (1 + 19), key (32), index (8), link (32).</summary>
    private const int SeedInputSize = 1 + 19 + 32 + 8 + 32;

    /// <summary>
    /// Creates the codec of one (prover, file) pair.
    /// <paramref name="workFactor"/> 0 is accepted for tests and the dev profile only: the pad is
    /// then a plain keyed hash expansion with no sequential work, which stops deduplication across
    /// provers but not on-demand re-encoding.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workFactor"/> is above <see cref="MaxWorkFactor"/>.</exception>
    public ReplicaCodec(ProverPublicKey prover, in Hash32 dataHash, uint workFactor)
    {
        Prover = prover;
        DataHash = dataHash;
        WorkFactor = workFactor;
        Key = DeriveKey(prover, dataHash, workFactor);
    }

    /// <summary>The prover whose replica this is.</summary>
    public ProverPublicKey Prover { get; }

    /// <summary>The data hash of the original file.</summary>
    public Hash32 DataHash { get; }

    /// <summary>Sequential SHA-256 iterations per chunk pad.</summary>
    public uint WorkFactor { get; }

    /// <summary>The replica key, <c>H(ReplicaKey ‖ prover_pk ‖ data_hash ‖ u8 version ‖ u32 W)</c>.</summary>
    public Hash32 Key { get; }

    /// <summary>The link of chunk 0 (it has no previous stored chunk): 32 zero bytes.</summary>
    public static Hash32 FirstLink => Hash32.Zero;

    /// <summary>Derives the replica key: <c>H(ReplicaKey ‖ prover_pk(32) ‖ data_hash(32) ‖ u8 1 ‖ u32 W)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workFactor"/> is above <see cref="MaxWorkFactor"/>.</exception>
    public static Hash32 DeriveKey(ProverPublicKey prover, in Hash32 dataHash, uint workFactor)
    {
        if (workFactor > MaxWorkFactor)
        {
            throw Error.OutOfRange(nameof(workFactor), workFactor, $"must be at most {MaxWorkFactor} iterations per chunk");
        }

        Span<byte> buffer = stackalloc byte[KeyInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.ReplicaKey);
        writer.WriteHash(prover.AsHash32());
        writer.WriteHash(dataHash);
        writer.WriteByte(EncodingVersion);
        writer.WriteUInt32(workFactor);
        return writer.Hash();
    }

    /// <summary>The leaf of a stored chunk: <c>TaggedHash(Leaf, stored)</c>; also the link of the next chunk.</summary>
    /// <exception cref="ArgumentException"><paramref name="storedChunk"/> is not 4,096 bytes.</exception>
    public static Hash32 LeafHash(ReadOnlySpan<byte> storedChunk)
    {
        if (storedChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(storedChunk), ChunkLayout.ChunkSize, storedChunk.Length);
        }

        return TaggedHash.Compute(DomainTags.Leaf, storedChunk);
    }

    /// <summary>
    /// Writes the 4,096-byte pad of chunk <paramref name="index"/> into <paramref name="pad"/>;
    /// <paramref name="link"/> is the previous stored chunk's leaf (<see cref="FirstLink"/> for chunk 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below the maximum chunk count.</exception>
    /// <exception cref="ArgumentException"><paramref name="pad"/> is not 4,096 bytes.</exception>
    public void ComputePad(long index, in Hash32 link, Span<byte> pad)
    {
        if ((ulong)index >= (ulong)MerkleTree.MaxLeafCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a chunk index below {MerkleTree.MaxLeafCount}");
        }

        if (pad.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(pad), ChunkLayout.ChunkSize, pad.Length);
        }

        Span<byte> seedInput = stackalloc byte[SeedInputSize];
        ProtocolWriter writer = new(seedInput);
        writer.WriteTag(DomainTags.ReplicaPad);
        writer.WriteHash(Key);
        writer.WriteUInt64((ulong)index);
        writer.WriteHash(link);

        // s_0, then W sequential iterations, alternating between two 32-byte halves so input and
        // output never overlap; each step is one SHA-256 compression (32-byte input).
        Span<byte> chain = stackalloc byte[2 * Hash32.Size];
        Span<byte> current = chain[..Hash32.Size];
        Span<byte> next = chain[Hash32.Size..];
        Sha256.Hash(writer.Written, current);
        for (uint j = 0; j < WorkFactor; j++)
        {
            Sha256.Hash(current, next);
            Span<byte> swap = current;
            current = next;
            next = swap;
        }

        // Expand s_W: block b = SHA-256(s_W ‖ u32 b).
        Span<byte> block = stackalloc byte[Hash32.Size + sizeof(uint)];
        current.CopyTo(block);
        Span<byte> counter = block[Hash32.Size..];
        for (int b = 0; b < PadBlocks; b++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, (uint)b);
            Sha256.Hash(block, pad.Slice(b * Hash32.Size, Hash32.Size));
        }
    }

    /// <summary>
    /// Encodes one plain chunk (already zero-padded to 4,096 bytes) into its stored form.
    /// <paramref name="plainChunk"/> and <paramref name="storedChunk"/> may be the same buffer.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer is not 4,096 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void EncodeChunk(long index, in Hash32 link, ReadOnlySpan<byte> plainChunk, Span<byte> storedChunk)
    {
        if (plainChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(plainChunk), ChunkLayout.ChunkSize, plainChunk.Length);
        }

        if (storedChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(storedChunk), ChunkLayout.ChunkSize, storedChunk.Length);
        }

        Apply(index, link, plainChunk, storedChunk);
    }

    /// <summary>
    /// Decodes one stored chunk back to the plain chunk (4,096 bytes, including the last chunk's padding).
    /// <paramref name="link"/> is the leaf of stored chunk <c>index − 1</c> (<see cref="FirstLink"/> for chunk 0).
    /// <paramref name="storedChunk"/> and <paramref name="plainChunk"/> may be the same buffer.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer is not 4,096 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void DecodeChunk(long index, in Hash32 link, ReadOnlySpan<byte> storedChunk, Span<byte> plainChunk)
    {
        if (storedChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(storedChunk), ChunkLayout.ChunkSize, storedChunk.Length);
        }

        if (plainChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(plainChunk), ChunkLayout.ChunkSize, plainChunk.Length);
        }

        Apply(index, link, storedChunk, plainChunk);
    }

    private void Apply(long index, in Hash32 link, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<byte> pad = stackalloc byte[ChunkLayout.ChunkSize];
        ComputePad(index, link, pad);
        ReadOnlySpan<Vector<byte>> s = MemoryMarshal.Cast<byte, Vector<byte>>(source);
        ReadOnlySpan<Vector<byte>> p = MemoryMarshal.Cast<byte, Vector<byte>>(pad);
        Span<Vector<byte>> d = MemoryMarshal.Cast<byte, Vector<byte>>(destination);
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = s[i] ^ p[i];
        }
    }
}
