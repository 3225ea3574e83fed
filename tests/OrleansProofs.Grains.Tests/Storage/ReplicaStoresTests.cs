// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>
/// The silo's bounded set of open replica files: idle ones beyond the capacity are closed (least
/// recently used first) and reopened on demand, a rented one is never closed under its renter, and a
/// closed one can be deleted at once.
/// </summary>
public sealed class ReplicaStoresTests : IDisposable
{
    private const int Chunks = 3;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posc-stores-" + Guid.NewGuid().ToString("N"));

    public ReplicaStoresTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void IdleReplicasBeyondTheCapacityAreClosedLeastRecentlyUsedFirst()
    {
        using ReplicaStores stores = new(capacity: 2);
        (Hash32 Chain, string Path)[] replicas = [.. Enumerable.Range(0, 5).Select(Replica)];
        byte[] chunk = new byte[ChunkLayout.ChunkSize];
        foreach ((Hash32 chain, string path) in replicas)
        {
            using ReplicaStores.Lease lease = stores.Rent(chain, path, Chunks);
            lease.Store.ReadChunk(1, chunk);
            Assert.Equal(File.ReadAllBytes(path).AsSpan(ChunkLayout.ChunkSize, ChunkLayout.ChunkSize).ToArray(), chunk);
        }

        Assert.Equal(2, stores.OpenCount);
        Assert.Equal([false, false, false, true, true], replicas.Select(r => ReplicaEvidence.IsOpenInThisProcess(r.Path)));

        // The oldest is reopened on demand; the least recently used of the open ones makes room.
        using (stores.Rent(replicas[0].Chain, replicas[0].Path, Chunks))
        {
        }

        Assert.Equal([true, false, false, false, true], replicas.Select(r => ReplicaEvidence.IsOpenInThisProcess(r.Path)));
    }

    [Fact]
    public void RentedReplicasStayOpenAndCloseIsDeferredToTheReturn()
    {
        using ReplicaStores stores = new(capacity: 1);
        (Hash32 Chain, string Path)[] replicas = [.. Enumerable.Range(0, 3).Select(Replica)];
        ReplicaStores.Lease[] leases = [.. replicas.Select(r => stores.Rent(r.Chain, r.Path, Chunks))];
        Assert.Equal(3, stores.OpenCount);

        stores.Close(replicas[0].Chain);
        Assert.True(ReplicaEvidence.IsOpenInThisProcess(replicas[0].Path), "a rented replica must stay open until it is returned");
        leases[0].Dispose();
        Assert.False(ReplicaEvidence.IsOpenInThisProcess(replicas[0].Path));
        File.Delete(replicas[0].Path);
        Assert.False(File.Exists(replicas[0].Path));

        leases[1].Dispose();
        leases[2].Dispose();
        Assert.Equal(1, stores.OpenCount);

        // Closing an idle replica closes it at once.
        stores.Close(replicas[2].Chain);
        Assert.Equal(0, stores.OpenCount);
        Assert.False(ReplicaEvidence.IsOpenInThisProcess(replicas[2].Path));
    }

    [Fact]
    public void AReplicaThatCannotBeOpenedIsReportedAndNothingIsKept()
    {
        using ReplicaStores stores = new(capacity: 4);
        Assert.ThrowsAny<IOException>(() => stores.Rent(Sha256.Hash("missing"u8), Path.Combine(_folder, "missing.replica"), Chunks));
        Assert.Equal(0, stores.OpenCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplicaStores(capacity: 0));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (Hash32 Chain, string Path) Replica(int index)
    {
        string path = Path.Combine(_folder, $"{index}.replica");
        byte[] bytes = new byte[Chunks * ChunkLayout.ChunkSize];
        new Random(index).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return (Sha256.Hash([(byte)index]), path);
    }
}
