// SPDX-License-Identifier: MIT
//  Continuous-VDF checkpoint — docs/protocol.md §6 §7; chained by hash, signed by the prover; version 1, big-endian.

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// One signed link of a prover's continuous VDF: the point reached, every root absorbed since the
/// previous checkpoint (with the iteration it was absorbed at), the previous checkpoint's hash and a
/// restart counter that goes up each time the evaluator is resumed from a checkpoint after a failover.
/// The signature covers <see cref="ComputeHash"/>. Immutable; <see cref="Decode"/> accepts only canonical encodings.
/// </summary>
public sealed class VdfCheckpoint
{
    /// <summary>The encoding version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Most absorptions one checkpoint may carry.</summary>
    public const int MaxAbsorptions = 1 << 16;

    /// <summary>Encoded body size without absorptions.</summary>
    public const int FixedBodySize = 1 + 1 + Hash32.Size + 8 + Hash32.Size + 4 + 8 + Hash32.Size + 4;

    /// <summary>Encoded size of one absorption.</summary>
    public const int AbsorptionSize = 8 + Hash32.Size;

    private readonly VdfAbsorption[] _absorbed;
    private readonly byte[] _signature;

    private VdfCheckpoint(int log2BufferBytes, Hash32 seed, ulong sequence, Hash32 previousHash, uint restartCount, VdfPoint point, VdfAbsorption[] absorbed, byte[] signature)
    {
        Log2BufferBytes = log2BufferBytes;
        Seed = seed;
        Sequence = sequence;
        PreviousHash = previousHash;
        RestartCount = restartCount;
        Point = point;
        _absorbed = absorbed;
        _signature = signature;
    }

    /// <summary>log2 of the buffer size in bytes.</summary>
    public int Log2BufferBytes { get; }

    /// <summary>The VDF's seed (fixes the buffer and the start state).</summary>
    public Hash32 Seed { get; }

    /// <summary>Position in the chain; the genesis checkpoint is 0.</summary>
    public ulong Sequence { get; }

    /// <summary>Hash of the previous checkpoint; zero for the genesis checkpoint.</summary>
    public Hash32 PreviousHash { get; }

    /// <summary>How many times this chain was resumed from a checkpoint (failover); each resume adds one.</summary>
    public uint RestartCount { get; }

    /// <summary>The point reached: iterations and state.</summary>
    public VdfPoint Point { get; }

    /// <summary>Roots absorbed after the previous checkpoint, up to and including this point, in order.</summary>
    public ReadOnlySpan<VdfAbsorption> Absorbed => _absorbed;

    /// <summary>The prover's 64-byte Ed25519 signature of <see cref="ComputeHash"/>.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Creates and signs a checkpoint.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Buffer size or absorption count out of range.</exception>
    /// <exception cref="ArgumentException">Absorptions out of order or after the point.</exception>
    public static VdfCheckpoint Create(int log2BufferBytes, Hash32 seed, ulong sequence, Hash32 previousHash, uint restartCount, VdfPoint point, ReadOnlySpan<VdfAbsorption> absorbed, NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (log2BufferBytes is < VdfBuffer.MinLog2Bytes or > VdfBuffer.MaxLog2Bytes)
        {
            throw Error.OutOfRange(nameof(log2BufferBytes), log2BufferBytes, $"must be {VdfBuffer.MinLog2Bytes} to {VdfBuffer.MaxLog2Bytes}");
        }

        if (absorbed.Length > MaxAbsorptions)
        {
            throw Error.OutOfRange(nameof(absorbed), absorbed.Length, $"must hold at most {MaxAbsorptions} entries");
        }

        for (int i = 0; i < absorbed.Length; i++)
        {
            if (absorbed[i].Iteration > point.Iterations || (i > 0 && absorbed[i].Iteration < absorbed[i - 1].Iteration))
            {
                throw Error.Invalid(nameof(absorbed), $"entry {i} at iteration {absorbed[i].Iteration} is out of order or after the point ({point.Iterations}).");
            }
        }

        var unsigned = new VdfCheckpoint(log2BufferBytes, seed, sequence, previousHash, restartCount, point, absorbed.ToArray(), []);
        return new VdfCheckpoint(log2BufferBytes, seed, sequence, previousHash, restartCount, point, unsigned._absorbed, key.Sign(unsigned.ComputeHash().Bytes));
    }

    /// <summary>
    /// The body: <c>u8 version ‖ u8 log2_buffer_bytes ‖ seed ‖ u64 sequence ‖ previous_hash ‖
    /// u32 restart_count ‖ u64 iterations ‖ state ‖ u32 absorbed_count ‖ absorbed_count × (u64 iteration ‖ root)</c>.
    /// </summary>
    public byte[] EncodeBody()
    {
        byte[] bytes = new byte[FixedBodySize + (_absorbed.Length * AbsorptionSize)];
        WriteBody(new ProtocolWriter(bytes));
        return bytes;
    }

    /// <summary>The wire form: body ‖ 64-byte signature.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[FixedBodySize + (_absorbed.Length * AbsorptionSize) + NodeKey.SignatureSize];
        var writer = new ProtocolWriter(bytes);
        WriteBody(writer);
        _signature.CopyTo(bytes.AsSpan(bytes.Length - NodeKey.SignatureSize));
        return bytes;
    }

    /// <summary>The checkpoint hash <c>H(tag Checkpoint ‖ body)</c>: what is signed and what the next checkpoint links to.</summary>
    public Hash32 ComputeHash()
    {
        byte[] body = EncodeBody();
        return TaggedHash.Compute(DomainTags.Checkpoint, body);
    }

    /// <summary>True when the signature is the prover's signature of this checkpoint.</summary>
    public bool VerifySignature(ProverPublicKey prover) => NodeKey.Verify(prover, ComputeHash().Bytes, _signature);

    /// <summary>Decodes untrusted bytes (body ‖ signature); every deviation from the canonical encoding is rejected.</summary>
    /// <exception cref="FormatException">Truncated, oversized or malformed input; the message names the field.</exception>
    public static VdfCheckpoint Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > FixedBodySize + ((long)MaxAbsorptions * AbsorptionSize) + NodeKey.SignatureSize)
        {
            throw new FormatException($"VDF checkpoint: {encoded.Length} bytes is more than the largest valid checkpoint ({MaxAbsorptions} absorptions).");
        }

        var reader = new ProtocolReader(encoded);
        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new FormatException($"VDF checkpoint: field 'version' is {version}; only {Version} is supported.");
        }

        int log2 = reader.ReadByte("log2BufferBytes");
        if (log2 is < VdfBuffer.MinLog2Bytes or > VdfBuffer.MaxLog2Bytes)
        {
            throw new FormatException($"VDF checkpoint: field 'log2BufferBytes' is {log2}; must be {VdfBuffer.MinLog2Bytes} to {VdfBuffer.MaxLog2Bytes}.");
        }

        Hash32 seed = reader.ReadHash("seed");
        ulong sequence = reader.ReadUInt64("sequence");
        Hash32 previous = reader.ReadHash("previousHash");
        if (sequence == 0 && !previous.IsZero)
        {
            throw new FormatException("VDF checkpoint: field 'previousHash' must be zero for sequence 0.");
        }

        uint restarts = reader.ReadUInt32("restartCount");
        ulong iterations = reader.ReadUInt64("iterations");
        Hash32 state = reader.ReadHash("state");
        uint count = reader.ReadUInt32("absorbedCount");
        if (count > MaxAbsorptions)
        {
            throw new FormatException($"VDF checkpoint: field 'absorbedCount' is {count}; at most {MaxAbsorptions}.");
        }

        if (reader.Remaining < ((long)count * AbsorptionSize) + NodeKey.SignatureSize)
        {
            throw new FormatException($"Truncated input: field 'absorbed' needs {((long)count * AbsorptionSize) + NodeKey.SignatureSize} byte(s) with the signature, {reader.Remaining} left.");
        }

        var absorbed = new VdfAbsorption[count];
        for (int i = 0; i < absorbed.Length; i++)
        {
            ulong at = reader.ReadUInt64("absorbed.iteration");
            if (at > iterations || (i > 0 && at < absorbed[i - 1].Iteration))
            {
                throw new FormatException($"VDF checkpoint: field 'absorbed[{i}].iteration' is {at}; must be non-decreasing and at most 'iterations' ({iterations}).");
            }

            absorbed[i] = new VdfAbsorption(at, reader.ReadHash("absorbed.root"));
        }

        byte[] signature = reader.ReadBytes(NodeKey.SignatureSize, "signature").ToArray();
        reader.EnsureEnd("VDF checkpoint");
        return new VdfCheckpoint(log2, seed, sequence, previous, restarts, new VdfPoint(iterations, state), absorbed, signature);
    }

    private void WriteBody(ProtocolWriter writer)
    {
        writer.WriteByte(Version);
        writer.WriteByte((byte)Log2BufferBytes);
        writer.WriteHash(Seed);
        writer.WriteUInt64(Sequence);
        writer.WriteHash(PreviousHash);
        writer.WriteUInt32(RestartCount);
        writer.WriteUInt64(Point.Iterations);
        writer.WriteHash(Point.State);
        writer.WriteUInt32((uint)_absorbed.Length);
        foreach (VdfAbsorption absorption in _absorbed)
        {
            writer.WriteUInt64(absorption.Iteration);
            writer.WriteHash(absorption.Root);
        }
    }
}
