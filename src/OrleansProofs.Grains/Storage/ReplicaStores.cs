// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// The silo's open replica files, at most <see cref="Capacity"/> of them idle at once. A chain rents
/// its replica's <see cref="ChunkStore"/> for one commit or one opening and returns it; an idle store
/// stays open for the next block until the least recently used ones must make room, so a silo with more
/// chains than file descriptors keeps working (it reopens instead of failing with "too many open
/// files", which would turn every further block into gap faults). A rented store is never closed under
/// its renter; <see cref="Close"/> (deactivation, removal) closes it now or at its return, after which
/// the file can be deleted. Thread-safe.
/// </summary>
public sealed class ReplicaStores : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash32, Entry> _open = [];
    private readonly LinkedList<Entry> _idle = new();

    /// <summary>Keeps at most <paramref name="capacity"/> idle replicas open.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public ReplicaStores(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most idle replicas kept open (rented ones are always open).</summary>
    public int Capacity { get; }

    /// <summary>Replicas open now, rented or idle.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Rents <paramref name="chainId"/>'s replica, opening <paramref name="path"/> if it is not open; dispose the lease to return it.</summary>
    /// <exception cref="IOException">The replica cannot be opened (missing, wrong size …), as <see cref="ChunkStore.Open"/> reports.</exception>
    public Lease Rent(Hash32 chainId, string path, long chunkCount)
    {
        lock (_gate)
        {
            if (TryRentOpen(chainId) is { } open)
            {
                return open;
            }
        }

        // Opened outside the lock: file I/O must not hold up other chains.
        ChunkStore store = ChunkStore.Open(path, chunkCount);
        List<ChunkStore> closing = [];
        Lease lease;
        lock (_gate)
        {
            if (TryRentOpen(chainId) is { } raced)
            {
                closing.Add(store);
                lease = raced;
            }
            else
            {
                Entry entry = new(chainId, store) { Leases = 1 };
                _open.Add(chainId, entry);
                lease = new Lease(this, entry);
            }

            EvictOverCapacity(closing);
        }

        closing.ForEach(s => s.Dispose());
        return lease;
    }

    /// <summary>Closes <paramref name="chainId"/>'s replica now, or when its current renter returns it.</summary>
    public void Close(Hash32 chainId)
    {
        ChunkStore? closing = null;
        lock (_gate)
        {
            if (!_open.TryGetValue(chainId, out Entry? entry))
            {
                return;
            }

            if (entry.Leases > 0)
            {
                entry.CloseOnReturn = true;
                return;
            }

            Remove(entry);
            closing = entry.Store;
        }

        closing.Dispose();
    }

    /// <summary>Closes every replica (the silo is stopping).</summary>
    public void Dispose()
    {
        List<ChunkStore> closing;
        lock (_gate)
        {
            closing = [.. _open.Values.Select(e => e.Store)];
            _open.Clear();
            _idle.Clear();
        }

        closing.ForEach(s => s.Dispose());
    }

    private Lease? TryRentOpen(Hash32 chainId)
    {
        if (!_open.TryGetValue(chainId, out Entry? entry))
        {
            return null;
        }

        if (entry.Leases++ == 0 && entry.IdleNode is not null)
        {
            _idle.Remove(entry.IdleNode);
            entry.IdleNode = null;
        }

        return new Lease(this, entry);
    }

    private void Return(Entry entry)
    {
        List<ChunkStore> closing = [];
        lock (_gate)
        {
            if (--entry.Leases > 0)
            {
                return;
            }

            if (entry.CloseOnReturn)
            {
                Remove(entry);
                closing.Add(entry.Store);
            }
            else
            {
                entry.IdleNode = _idle.AddLast(entry);
                EvictOverCapacity(closing);
            }
        }

        closing.ForEach(s => s.Dispose());
    }

    /// <summary>Drops least recently used idle replicas while more than <see cref="Capacity"/> are idle.</summary>
    private void EvictOverCapacity(List<ChunkStore> closing)
    {
        while (_idle.Count > Capacity && _idle.First is { } oldest)
        {
            Remove(oldest.Value);
            closing.Add(oldest.Value.Store);
        }
    }

    private void Remove(Entry entry)
    {
        _open.Remove(entry.ChainId);
        if (entry.IdleNode is not null)
        {
            _idle.Remove(entry.IdleNode);
            entry.IdleNode = null;
        }
    }

    /// <summary>One chain's rented replica; dispose to return it.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly ReplicaStores _owner;
        private readonly Entry _entry;

        internal Lease(ReplicaStores owner, Entry entry)
        {
            _owner = owner;
            _entry = entry;
        }

        /// <summary>The open replica.</summary>
        public ChunkStore Store => _entry.Store;

        /// <inheritdoc/>
        public void Dispose() => _owner?.Return(_entry);
    }

    internal sealed class Entry(Hash32 chainId, ChunkStore store)
    {
        public Hash32 ChainId { get; } = chainId;

        public ChunkStore Store { get; } = store;

        public int Leases { get; set; }

        public bool CloseOnReturn { get; set; }

        public LinkedListNode<Entry>? IdleNode { get; set; }
    }
}
