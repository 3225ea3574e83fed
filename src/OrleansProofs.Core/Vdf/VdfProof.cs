// SPDX-License-Identifier: MIT
//  One-shot VDF proof — docs/protocol.md §6 §5; seed, iterations, checkpoint states, output; version 1, big-endian.

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// A VDF evaluation with its checkpoints: the state after every <see cref="CheckpointInterval"/>
/// iterations, so a verifier can re-execute any segment on its own. Segment <c>s</c> runs from
/// checkpoint <c>s − 1</c> (the start state for <c>s = 0</c>) to checkpoint <c>s</c> (the output for
/// the last segment). Immutable; <see cref="Decode"/> accepts only canonical encodings.
/// </summary>
public sealed class VdfProof
{
    /// <summary>The encoding version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Most checkpoints a proof may carry (32 MiB of states).</summary>
    public const int MaxCheckpoints = 1 << 20;

    /// <summary>Encoded size without checkpoints.</summary>
    public const int FixedSize = 1 + 1 + Hash32.Size + 8 + 8 + 4 + Hash32.Size;

    private readonly Hash32[] _checkpoints;

    /// <summary>Creates a proof, checking that the checkpoint count matches the iterations and interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size, count or interval is out of range.</exception>
    /// <exception cref="ArgumentException">The checkpoint count is not <c>ceil(iterations / interval) − 1</c>.</exception>
    public VdfProof(int log2BufferBytes, Hash32 seed, ulong iterations, ulong checkpointInterval, ReadOnlySpan<Hash32> checkpoints, Hash32 output)
    {
        if (log2BufferBytes is < VdfBuffer.MinLog2Bytes or > VdfBuffer.MaxLog2Bytes)
        {
            throw Error.OutOfRange(nameof(log2BufferBytes), log2BufferBytes, $"must be {VdfBuffer.MinLog2Bytes} to {VdfBuffer.MaxLog2Bytes}");
        }

        long expected = ExpectedCheckpoints(iterations, checkpointInterval, nameof(iterations), nameof(checkpointInterval));
        if (checkpoints.Length != expected)
        {
            throw Error.Invalid(nameof(checkpoints), $"{iterations} iterations at interval {checkpointInterval} need {expected} checkpoint(s); got {checkpoints.Length}.");
        }

        Log2BufferBytes = log2BufferBytes;
        Seed = seed;
        Iterations = iterations;
        CheckpointInterval = checkpointInterval;
        _checkpoints = checkpoints.ToArray();
        Output = output;
    }

    /// <summary>log2 of the buffer size in bytes.</summary>
    public int Log2BufferBytes { get; }

    /// <summary>Buffer size in bytes.</summary>
    public long BufferBytes => 1L << Log2BufferBytes;

    /// <summary>The seed the buffer and the start state derive from.</summary>
    public Hash32 Seed { get; }

    /// <summary>Total iterations.</summary>
    public ulong Iterations { get; }

    /// <summary>Iterations per segment (the last segment may be shorter).</summary>
    public ulong CheckpointInterval { get; }

    /// <summary>The state after each full segment but the last.</summary>
    public ReadOnlySpan<Hash32> Checkpoints => _checkpoints;

    /// <summary>The state after all iterations.</summary>
    public Hash32 Output { get; }

    /// <summary>Number of segments: <c>ceil(iterations / interval)</c>.</summary>
    public int SegmentCount => _checkpoints.Length + 1;

    /// <summary>Encoded size in bytes.</summary>
    public int EncodedSize => FixedSize + (_checkpoints.Length * Hash32.Size);

    /// <summary>The start point of segment <paramref name="segment"/>.</summary>
    public VdfPoint SegmentStart(int segment) =>
        new((ulong)segment * CheckpointInterval, segment == 0 ? VdfFunction.InitialState(Seed) : _checkpoints[segment - 1]);

    /// <summary>The end point of segment <paramref name="segment"/>.</summary>
    public VdfPoint SegmentEnd(int segment) => segment == _checkpoints.Length
        ? new VdfPoint(Iterations, Output)
        : new VdfPoint((ulong)(segment + 1) * CheckpointInterval, _checkpoints[segment]);

    /// <summary>
    /// <c>u8 version ‖ u8 log2_buffer_bytes ‖ seed ‖ u64 iterations ‖ u64 checkpoint_interval ‖
    /// u32 checkpoint_count ‖ checkpoint_count × state ‖ output</c>, all integers big-endian.
    /// </summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[EncodedSize];
        var writer = new ProtocolWriter(bytes);
        writer.WriteByte(Version);
        writer.WriteByte((byte)Log2BufferBytes);
        writer.WriteHash(Seed);
        writer.WriteUInt64(Iterations);
        writer.WriteUInt64(CheckpointInterval);
        writer.WriteUInt32((uint)_checkpoints.Length);
        foreach (Hash32 checkpoint in _checkpoints)
        {
            writer.WriteHash(checkpoint);
        }

        writer.WriteHash(Output);
        return bytes;
    }

    /// <summary>Decodes untrusted bytes; every deviation from the canonical encoding is rejected.</summary>
    /// <exception cref="FormatException">Truncated, oversized or malformed input; the message names the field.</exception>
    public static VdfProof Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > FixedSize + ((long)MaxCheckpoints * Hash32.Size))
        {
            throw new FormatException($"VDF proof: {encoded.Length} bytes is more than the largest valid proof ({MaxCheckpoints} checkpoints).");
        }

        var reader = new ProtocolReader(encoded);
        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new FormatException($"VDF proof: field 'version' is {version}; only {Version} is supported.");
        }

        int log2 = reader.ReadByte("log2BufferBytes");
        if (log2 is < VdfBuffer.MinLog2Bytes or > VdfBuffer.MaxLog2Bytes)
        {
            throw new FormatException($"VDF proof: field 'log2BufferBytes' is {log2}; must be {VdfBuffer.MinLog2Bytes} to {VdfBuffer.MaxLog2Bytes}.");
        }

        Hash32 seed = reader.ReadHash("seed");
        ulong iterations = reader.ReadUInt64("iterations");
        ulong interval = reader.ReadUInt64("checkpointInterval");
        if (iterations == 0)
        {
            throw new FormatException("VDF proof: field 'iterations' is 0; must be at least 1.");
        }

        if (interval == 0)
        {
            throw new FormatException("VDF proof: field 'checkpointInterval' is 0; must be at least 1.");
        }

        uint count = reader.ReadUInt32("checkpointCount");
        ulong segments = (iterations / interval) + (iterations % interval == 0 ? 0UL : 1UL);
        if (count != segments - 1 || count > MaxCheckpoints)
        {
            throw new FormatException($"VDF proof: field 'checkpointCount' is {count}; {iterations} iterations at interval {interval} need {segments - 1} (at most {MaxCheckpoints}).");
        }

        if (reader.Remaining < (((long)count + 1) * Hash32.Size))
        {
            throw new FormatException($"Truncated input: field 'checkpoints' needs {(count + 1L) * Hash32.Size} byte(s) with the output, {reader.Remaining} left.");
        }

        var checkpoints = new Hash32[count];
        for (int i = 0; i < checkpoints.Length; i++)
        {
            checkpoints[i] = reader.ReadHash("checkpoints");
        }

        Hash32 output = reader.ReadHash("output");
        reader.EnsureEnd("VDF proof");
        return new VdfProof(log2, seed, iterations, interval, checkpoints, output);
    }

    /// <summary>
    /// The proof hash <c>H(tag Vdf ‖ "proof" ‖ encoding)</c>: the Fiat–Shamir input of verification
    /// and the message the prover signs.
    /// </summary>
    public Hash32 ComputeHash() => HashEncoding(Encode());

    /// <summary>Signs the proof hash with the prover's node key (when the proof leaves the node).</summary>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(ComputeHash().Bytes);
    }

    /// <summary>True when <paramref name="signature"/> is the prover's signature of this proof.</summary>
    public bool VerifySignature(ProverPublicKey prover, ReadOnlySpan<byte> signature) =>
        NodeKey.Verify(prover, ComputeHash().Bytes, signature);

    internal static Hash32 HashEncoding(ReadOnlySpan<byte> encoding)
    {
        Span<byte> prefix = stackalloc byte[32];
        var writer = new ProtocolWriter(prefix);
        writer.WriteTag(DomainTags.Vdf);
        writer.WriteBytes("proof"u8);
        return Sha256.HashConcat(writer.Written, encoding);
    }

    internal static long ExpectedCheckpoints(ulong iterations, ulong checkpointInterval, string iterationsName, string intervalName)
    {
        if (iterations == 0)
        {
            throw Error.OutOfRange(iterationsName, iterations, "must be at least 1");
        }

        if (checkpointInterval == 0)
        {
            throw Error.OutOfRange(intervalName, checkpointInterval, "must be at least 1");
        }

        ulong segments = (iterations / checkpointInterval) + (iterations % checkpointInterval == 0 ? 0UL : 1UL);
        if (segments - 1 > MaxCheckpoints)
        {
            throw Error.OutOfRange(intervalName, checkpointInterval, $"must give at most {MaxCheckpoints} checkpoints for {iterations} iterations");
        }

        return (long)(segments - 1);
    }
}
