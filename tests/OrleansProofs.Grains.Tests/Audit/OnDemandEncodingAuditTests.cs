// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json.Nodes;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using Xunit.Abstractions;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A prover that keeps only the plain data and encodes a challenged chunk on demand (DESIGN.md §1, the
/// prover-specific encoding with the availability deadline). Its answers are byte-for-byte right, so only the
/// time they take can give it away: the verifier measures it, and every rebuild of a chunk far into the file
/// takes longer than the deadline.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class OnDemandEncodingAuditTests(ITestOutputHelper output)
{
    /// <summary>64 MiB: rebuilding a chunk past the first few thousand takes longer than the 500 ms deadline at the dev work factor.</summary>
    private const int Chunks = 16_384;

    [Fact]
    public async Task ProverKeepingOnlyThePlainData_PaysTheRebuildOnEveryChallenge_AndIsLate()
    {
        OnDemandEncoder? cheater = null;
        int rebuiltDifferently = 0;
        TamperingFront? front = null;
        // Latency probes off: they would pay the rebuild too, but this test counts the availability challenges' rebuilds.
        (AuditNetwork network, Hash32 chainId) = await AuditNetwork.StartAsync(chunks: Chunks,
            verifierSettings: new Dictionary<string, string?> { [Silo.Hosting.NodeHost.VerifierSection + ":LatencyProbesPerBlock"] = "0" },
            gateway: async target =>
        {
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
            {
                if (body is null || !path.EndsWith("/challenges/availability", StringComparison.Ordinal) || cheater is null)
                {
                    return await send(body);
                }

                // The prover's own answer stands in for what the cheater keeps besides the plain data: the leaf
                // hashes (0.8 % of the file) for the Merkle path. The chunk and the binding over the verifier's
                // nonce it must rebuild: nothing stored helps with either.
                JsonObject answer = JsonNode.Parse(await send(body))!.AsObject();
                JsonObject challenge = JsonNode.Parse(body)!.AsObject();
                ulong index = (ulong)challenge["chunkIndex"]!;
                byte[] chunk = cheater.Rebuild(index);
                if (Convert.ToBase64String(chunk) != (string?)answer["chunk"])
                {
                    Interlocked.Increment(ref rebuiltDifferently);
                }

                Hash32 binding = AvailabilityAnswer.ComputeBinding(
                    Hash32.Parse((string?)challenge["nonce"]), Hash32.Parse((string?)challenge["chainId"]), index, chunk);
                answer["chunk"] = Convert.ToBase64String(chunk);
                answer["binding"] = binding.ToString();
                return answer.ToJsonString();
            });
            return front.Address;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront? ownedFront = front;
        byte[] plain = await File.ReadAllBytesAsync(Path.Combine(network.Prover.DataDirectory, "file.bin"));
        cheater = new OnDemandEncoder(plain, network.ProverKey, ConsensusParameters.Dev.ReplicaWorkFactor);

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        List<AvailabilityReport> reports = await ReportsAsync(network, chainId);
        (ulong ChunkIndex, TimeSpan Took)[] rebuilds = [.. cheater.Rebuilds];
        foreach ((ulong index, TimeSpan took) in rebuilds.OrderBy(r => r.ChunkIndex))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chunk {index,6}: rebuilt in {took.TotalMilliseconds,7:F1} ms"));
        }

        foreach (AvailabilityReport report in reports)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chunk {report.ChunkIndex,6}: {report.Outcome} after {report.RoundTripMicroseconds / 1000.0,7:F1} ms (verifier's clock)"));
        }

        // The rebuilt chunks are the stored ones: the answers are right in every byte, so the data checks pass…
        Assert.Equal(0, rebuiltDifferently);
        Assert.Equal(2 * ConsensusParameters.Dev.AvailabilityChallengesPerBlock, rebuilds.Length);
        Assert.All(reports, r => Assert.Contains(r.Outcome, new[] { AvailabilityOutcome.Passed, AvailabilityOutcome.Late, AvailabilityOutcome.NoAnswer }));
        // …and the verifier's clock shows every rebuild's cost in the round trip of its challenge…
        foreach (AvailabilityReport report in reports.Where(r => r.Outcome != AvailabilityOutcome.NoAnswer))
        {
            TimeSpan rebuild = rebuilds.Where(r => r.ChunkIndex == report.ChunkIndex).Min(r => r.Took);
            Assert.True(report.RoundTripMicroseconds >= (ulong)(rebuild.Ticks / TimeSpan.TicksPerMicrosecond),
                $"chunk {report.ChunkIndex}: round trip {report.RoundTripMicroseconds} µs is shorter than its rebuild ({rebuild.TotalMilliseconds:F1} ms)");
        }

        // …so the challenges far into the file miss the deadline and count against the prover.
        ulong slow = (ulong)reports.Count(r => r.Outcome is AvailabilityOutcome.Late or AvailabilityOutcome.NoAnswer);
        Assert.True(slow >= 1, "no challenge was late although rebuilds took up to " + rebuilds.Max(r => r.Took).TotalMilliseconds + " ms");
        Assert.Equal(slow, summary.ChallengesFailed);
    }

    private static async Task<List<AvailabilityReport>> ReportsAsync(AuditNetwork network, Hash32 chainId)
    {
        List<AvailabilityReport> reports = [];
        foreach (SignedReport signed in await network.Audit.GetReportsAsync(256))
        {
            if (AvailabilityReport.TryVerify(signed.Encoded.AsSpan(), network.VerifierKey, out AvailabilityReport? report) && report!.ChainId == chainId)
            {
                reports.Add(report);
            }
        }

        return reports;
    }
}
