// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Text.Json;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Lifecycle;

/// <summary>
/// Removal with archive: at the removal block the chain exports manifest.json (header, placement,
/// head, faults, retention, metadata, removal) and records.json (its proof window) to
/// {data}/archive/{chainId}/; the exported records alone, with the replica, re-verify.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainArchiveTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ArchiveHoldsTheHeaderMetadataRemovalAndVerifiableRecords()
    {
        TestNetwork network = new(fixture, "archive");
        await network.AnnounceAsync(300);
        string file = network.WriteFile(25_000, seed: 301);
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.ChainIdOf(file).ToString());
        RegisteredChain registration = await chain.RegisterAsync(new ChainRegistrationRequest(
            file, network.Name, "archival", ImmutableDictionary<string, string>.Empty.Add("owner", "ops")));
        await network.AnnounceAsync(301);
        ChainRemovalSchedule schedule = (await chain.RequestRemovalAsync("migrated to cold storage", archive: true)).Schedule!;
        Assert.True((await chain.GetInfoAsync()).Archive);
        string folder = Path.Combine(fixture.DataDirectory, "archive", registration.ChainId.ToString());

        for (ulong height = 302; height < schedule.RemovalHeight; height++)
        {
            await network.AnnounceAsync(height);
        }

        Assert.False(Directory.Exists(folder), "the archive is written when the removal takes effect, not before");
        await network.AnnounceAsync(schedule.RemovalHeight);

        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Removed, info.Status);
        JsonElement manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement;
        Assert.Equal("orleansproofs-chain-archive/v1", manifest.GetProperty("format").GetString());
        Assert.Equal(registration.ChainId.ToString(), manifest.GetProperty("chainId").GetString());
        Assert.Equal(network.Name, manifest.GetProperty("network").GetString());
        Assert.Equal("removed", manifest.GetProperty("status").GetString());
        JsonElement removal = manifest.GetProperty("removal");
        Assert.Equal("removal", removal.GetProperty("kind").GetString());
        Assert.Equal("migrated to cold storage", removal.GetProperty("reason").GetString());
        Assert.Equal(301UL, removal.GetProperty("scheduledAtHeight").GetUInt64());
        Assert.Equal(schedule.RemovalHeight, removal.GetProperty("removalHeight").GetUInt64());
        Assert.Equal("archival", manifest.GetProperty("retentionPolicy").GetString());
        Assert.Equal("ops", manifest.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.Equal(info.HeadHeight, manifest.GetProperty("headHeight").GetUInt64());
        Assert.Equal(info.HeadCommitment.ToString(), manifest.GetProperty("headCommitment").GetString());
        Assert.Equal(info.Faults, manifest.GetProperty("faults").GetUInt64());

        ChainHeader header = ReadHeader(manifest.GetProperty("header"));
        Assert.Equal(info.Header, header);
        ChainRecord[] records = [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "records.json"))).RootElement.EnumerateArray().Select(ReadRecord)];
        Assert.Equal(info.Window.ToArray(), records);
        Assert.Equal(schedule.RemovalHeight - 1, records[^1].Height);

        var evidence = ReplicaEvidence.Read(fixture.ReplicaPath(registration.ChainId), records);
        ChainVerificationResult verified = ChainVerifier.Verify(header, ConsensusParameters.Dev, network.Blocks, records, evidence);
        Assert.True(verified.IsValid, verified.ToString());
        Assert.Equal(info.HeadCommitment, verified.HeadCommitment);
    }

    /// <summary>Rebuilds the header from the manifest; its constructor recomputes both commitments, which must match the exported ones.</summary>
    private static ChainHeader ReadHeader(JsonElement h)
    {
        ChainHeader header = new(
            Hash(h, "chainId"),
            Hash(h, "dataHash"),
            Core.Signatures.ProverPublicKey.Parse(h.GetProperty("proverPublicKey").GetString()!),
            Hash(h, "replicaRoot"),
            h.GetProperty("totalChunks").GetUInt64(),
            h.GetProperty("fileLength").GetUInt64(),
            h.GetProperty("encodingVersion").GetByte(),
            h.GetProperty("workFactor").GetUInt32(),
            h.GetProperty("anchorHeight").GetUInt64(),
            Hash(h, "anchorBlockHash"));
        Assert.Equal(Hash(h, "ownershipCommitment"), header.OwnershipCommitment);
        Assert.Equal(Hash(h, "anchoredCommitment"), header.AnchoredCommitment);
        return header;
    }

    private static ChainRecord ReadRecord(JsonElement r) =>
        new(
            r.GetProperty("kind").GetString() == "gap" ? ChainRecordKind.Gap : ChainRecordKind.Commit,
            r.GetProperty("height").GetUInt64(),
            Hash(r, "blockHash"),
            Hash(r, "previousCommitment"),
            [.. r.GetProperty("indices").EnumerateArray().Select(i => i.GetUInt64())],
            [.. r.GetProperty("accessDigests").EnumerateArray().Select(d => Hash32.Parse(d.GetString()!))],
            Hash(r, "commitment"));

    private static Hash32 Hash(JsonElement element, string name) => Hash32.Parse(element.GetProperty(name).GetString()!);
}
