// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Text;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Hosting;
using CoreParameters = OrleansProofs.Core.Parameters.ConsensusParameters;

namespace OrleansProofs.Silo.Blocks;

/// <summary>
/// The development layer-1 chain: it mints one block per <see cref="Interval"/>, at whatever height the
/// follower asks for next (so a restarted node resumes where its records stop), with a block hash that
/// depends only on the seed, the network and the height (<see cref="HashAt"/>), and the wall-clock time
/// as its timestamp. It has no beacon. It stands in for a real chain's adapter.
/// </summary>
public sealed class DevBlockSource : IBlockSource
{
    /// <summary>The ASCII prefix of every hashed block description.</summary>
    public const string HashPrefix = "posc-dev-chain/v1";

    private readonly string _seed;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _nextDueTicks = long.MinValue;

    /// <summary>Creates the chain of <paramref name="network"/> with block hashes derived from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The network or seed is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public DevBlockSource(string network, string seed, TimeSpan interval, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(network);
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Network = network;
        _seed = seed;
        Interval = interval;
        _time = timeProvider;
    }

    /// <summary>The chain the options describe: their network and seed, one block per interval (default: the profile's block time).</summary>
    internal static DevBlockSource FromOptions(BlockSourceOptions options, NodeOptions node, TimeProvider timeProvider) =>
        new(options.Network, options.Seed, options.BlockInterval ?? CoreParameters.FromName(node.Profile).BlockTime, timeProvider);

    /// <inheritdoc/>
    public string Network { get; }

    /// <summary>The time between blocks.</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// The block hash at <paramref name="height"/>: SHA-256 of ASCII "posc-dev-chain/v1" ‖ u16 len(seed) ‖
    /// seed (UTF-8) ‖ u16 len(network) ‖ network (UTF-8) ‖ u64 height, integers big-endian.
    /// </summary>
    public static Hash32 HashAt(string seed, string network, ulong height)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(network);
        byte[] seedBytes = Encoding.UTF8.GetBytes(seed);
        byte[] networkBytes = Encoding.UTF8.GetBytes(network);
        if (seedBytes.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"The seed must encode to at most {ushort.MaxValue} bytes; got {seedBytes.Length}.", nameof(seed));
        }

        if (networkBytes.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"The network must encode to at most {ushort.MaxValue} bytes; got {networkBytes.Length}.", nameof(network));
        }

        byte[] message = new byte[HashPrefix.Length + 2 + seedBytes.Length + 2 + networkBytes.Length + 8];
        Span<byte> span = message;
        int offset = Encoding.ASCII.GetBytes(HashPrefix, span);
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)seedBytes.Length);
        offset += 2;
        seedBytes.CopyTo(span[offset..]);
        offset += seedBytes.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)networkBytes.Length);
        offset += 2;
        networkBytes.CopyTo(span[offset..]);
        offset += networkBytes.Length;
        BinaryPrimitives.WriteUInt64BigEndian(span[offset..], height);
        return Sha256.Hash(message);
    }

    /// <summary>The block at <paramref name="height"/> with the given timestamp (Unix seconds).</summary>
    public BlockAnnouncement BlockAt(ulong height, ulong timestamp) => new(height, HashAt(_seed, Network, height), timestamp);

    /// <summary>
    /// The first call returns at once; each later call returns one <see cref="Interval"/> after the
    /// previous block was minted, or at once when the caller comes later than that (blocks are never
    /// closer than one interval).
    /// </summary>
    public async ValueTask<BlockAnnouncement> WaitForBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        long now = _time.GetUtcNow().UtcTicks;
        long due;
        lock (_gate)
        {
            due = Math.Max(_nextDueTicks, now);
            _nextDueTicks = due + Interval.Ticks;
        }

        if (due > now)
        {
            await Task.Delay(TimeSpan.FromTicks(due - now), _time, cancellationToken);
        }

        return BlockAt(height, (ulong)_time.GetUtcNow().ToUnixTimeSeconds());
    }
}
