// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;
using Xunit.Abstractions;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A verifier node audits a prover node over real HTTP on loopback: the honest prover passes every availability
/// challenge and is rewarded; each attack is caught by the defence named in its test.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class AvailabilityAuditTests(ITestOutputHelper output)
{
    private const int Challenges = 10;

    [Fact]
    public async Task HonestProver_PassesEveryChallenge_IsRewarded_AndNotSlashed()
    {
        using ChallengeMeter meter = new();
        (AuditNetwork network, Hash32 chainId) = await AuditNetwork.StartAsync(chunks: 64, failureThreshold: 1);
        await using AuditNetwork owned = network;
        ProverAuditSummary summary = null!;
        for (int i = 0; i < 5; i++)
        {
            summary = await network.NextBlockAsync();
        }

        // Heights 1 to 6: the chain anchors at 1 and is challenged from its first record at 2.
        Assert.Equal(network.Height, summary.BlocksAudited);
        Assert.Equal(network.Height, summary.BlockRecordsValid);
        Assert.Equal(0UL, summary.BlockRecordsInvalid);
        Assert.True(summary.ProofsValid >= 4, $"proofs verified: {summary.ProofsValid}");
        Assert.Equal(0UL, summary.ProofsInvalid);
        Assert.True(summary.ChallengesPassed == 5UL * Challenges && summary.ChallengesFailed == 0,
            $"{summary.ChallengesPassed} passed, {summary.ChallengesFailed} failed; last failure: {summary.LastFailure}");
        Assert.Null(summary.LastFailure);
        // The records' VDF points: consecutive pairs re-executed from the prover's checkpoints (the latest
        // pair waits for a checkpoint past its later point), none failed.
        Assert.True(summary.VdfPairsValid >= 1, $"VDF pairs verified: {summary.VdfPairsValid}");
        Assert.Equal(0UL, summary.VdfPairsInvalid);
        Assert.Equal(summary.ChallengesPassed, summary.RewardsPaid);
        Assert.Equal(0UL, summary.Slashes);
        Assert.True(meter.Passed >= 5 * Challenges, $"orleansproofs.availability.challenges counted {meter.Passed} passed");
        Assert.True(meter.RoundTrips >= 5 * Challenges, $"orleansproofs.availability.round_trip recorded {meter.RoundTrips}");
        ChainAuditSummary chain = Assert.Single(summary.Chains);
        Assert.Equal(chainId, chain.ChainId);
        Assert.Equal(5UL * Challenges, chain.ChallengesPassed);

        string account = network.ProverKey.ToString();
        Assert.Equal(10_000UL - 1_000UL + summary.RewardsPaid, await network.Ledger.GetBalanceAsync(account));
        Assert.Equal(BondState.Active, (await network.Ledger.GetBondAsync("bond/prover"))!.State);

        ImmutableArray<SignedReport> reports = await network.Audit.GetReportsAsync(256);
        Assert.Equal(5 * Challenges, reports.Length);
        foreach (SignedReport signed in reports)
        {
            Assert.True(AvailabilityReport.TryVerify(signed.Encoded.AsSpan(), network.VerifierKey, out AvailabilityReport? report));
            Assert.Equal(AvailabilityOutcome.Passed, report!.Outcome);
            Assert.Equal(network.ProverKey, report.Prover);
            Assert.Equal(chainId, report.ChainId);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"challenge round trip on loopback: p50 {summary.RoundTripP50Microseconds} µs, p95 {summary.RoundTripP95Microseconds} µs over {reports.Length} challenges"));

        // The verifier's API shows the same scores and the signed reports.
        using HttpClient http = new() { BaseAddress = network.Verifier.ApiAddress };
        JsonObject audits = JsonNode.Parse(await http.GetStringAsync("/api/audits"))!.AsObject();
        Assert.Equal("verifier", (string?)audits["role"]);
        JsonObject audited = Assert.Single(audits["provers"]!.AsArray())!.AsObject();
        Assert.Equal(network.ProverKey.ToString(), (string?)audited["prover"]);
        Assert.Equal(summary.ChallengesPassed, (ulong)audited["availability"]!["passed"]!);
        Assert.Equal(1.0, (double)audited["availability"]!["score"]!);
        Assert.Equal(chainId.ToString(), (string?)audited["chains"]![0]!["chainId"]);
        JsonObject chainAudit = JsonNode.Parse(await http.GetStringAsync($"/api/audits/chains/{chainId}"))!.AsObject();
        Assert.Equal(network.ProverKey.ToString(), (string?)chainAudit["prover"]);
        Assert.Equal(summary.ChallengesPassed, (ulong)chainAudit["chain"]!["challengesPassed"]!);
        Assert.Equal(1.0, (double)chainAudit["chain"]!["availabilityScore"]!);
        Assert.True((ulong)chainAudit["chain"]!["latency"]!["samples"]! > 0, chainAudit.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"/api/audits/chains/{Hash32.Zero}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/api/audits/chains/not-a-chain")).StatusCode);
        JsonArray latest = audited["latestReports"]!.AsArray();
        Assert.Equal(10, latest.Count);
        Assert.True(AvailabilityReport.TryVerify(Convert.FromHexString((string)latest[0]!["report"]!), network.VerifierKey, out _));
        JsonObject stats = JsonNode.Parse(await http.GetStringAsync("/api/network/stats"))!.AsObject();
        Assert.Equal("verifier", (string?)stats["audit"]!["role"]);
        Assert.Equal(summary.ChallengesPassed, (ulong)stats["audit"]!["availability"]!["passed"]!);
        // One vantage point (no latency peers configured): samples, but no verdict either way.
        Assert.Equal("insufficient", (string?)stats["audit"]!["latency"]!["verdict"]);
        using HttpClient proverHttp = new() { BaseAddress = network.Prover.ApiAddress };
        JsonObject proverStats = JsonNode.Parse(await proverHttp.GetStringAsync("/api/network/stats"))!.AsObject();
        Assert.Equal("prover", (string?)proverStats["audit"]!["role"]);
        Assert.Null(proverStats["audit"]!["availability"]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"/api/audits/{chainId}/reports")).StatusCode);
        JsonObject page = JsonNode.Parse(await http.GetStringAsync($"/api/audits/{network.ProverKey}/reports?limit=3"))!.AsObject();
        Assert.Equal(3, page["reports"]!.AsArray().Count);

        // The verifier's proof-checking rate: the prover's compact proof at the latest block, checked the way an audit
        // checks it (the verifier's own block table, the pinned registration), each time without warm caches.
        using System.Text.Json.JsonDocument chainJson = System.Text.Json.JsonDocument.Parse(await proverHttp.GetStringAsync($"/api/chains/{chainId}"));
        OrleansProofs.Core.Protocol.ChainHeader header = Grains.Audit.ProverChainRegistration.Parse(chainJson.RootElement).ToHeader(network.ProverKey);
        byte[] proof = await proverHttp.GetByteArrayAsync($"/api/chains/{chainId}/proofs/compact?height={network.Height}");
        OrleansProofs.Core.Proofs.PublicBlockTable blocks = new();
        for (ulong height = 1; height <= network.Height; height++)
        {
            Abstractions.Blocks.BlockRecord own = (await network.Verifier.Grains.GetGrain<Abstractions.Blocks.IBlockIngressGrain>("dev").GetBlockAsync(height))!;
            blocks.Add(new OrleansProofs.Core.Proofs.PublicBlock(height, own.BlockHash, own.Beacon));
        }

        OrleansProofs.Core.Proofs.ProofVerificationContext context = new(network.ProverKey, ConsensusParameters.Dev, blocks) { RegisteredChain = header, ExpectedChainId = chainId };
        System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        int verified = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            Assert.True(OrleansProofs.Core.Proofs.ProofVerifier.Verify(OrleansProofs.Core.Proofs.ProofFormat.Compact, proof, context).IsValid);
            verified++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compact proofs verified by the verifier: {verified / clock.Elapsed.TotalSeconds:F0}/s (no caches, dev profile, {proof.Length} bytes each)"));

        // As the audit grain verifies: with the silo's caches, which hold only values the verifier computed itself.
        context = context with { HierarchyCache = new OrleansProofs.Core.Hierarchy.IteratedHashCache(), SignatureCache = new SignatureCheckCache() };
        clock.Restart();
        verified = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            Assert.True(OrleansProofs.Core.Proofs.ProofVerifier.Verify(OrleansProofs.Core.Proofs.ProofFormat.Compact, proof, context).IsValid);
            verified++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compact proofs verified by the verifier: {verified / clock.Elapsed.TotalSeconds:F0}/s (warm caches: proofs of one block)"));
    }

    [Fact]
    public async Task ProverMissingTenPercentOfChunks_IsCaughtWithinTheCalculatorsBlocks_AndSlashed()
    {
        const int chunks = 100;
        (AuditNetwork network, Hash32 chainId) = await AuditNetwork.StartAsync(chunks, failureThreshold: 1);
        await using AuditNetwork owned = network;
        HashSet<ulong> corrupted = [.. Enumerable.Range(0, chunks / 10).Select(i => (ulong)(i * 10 + 3))];
        CorruptChunks(network.ReplicaPath(chainId), corrupted);

        // The calculator's bound: a prover missing f = 10 % survives b blocks of k = 10 challenges with
        // probability at most (1 − f)^(k·b); this many blocks bring that under 2^-20.
        long bound = SecurityCalculator.BlocksToReach(0.1, Challenges, targetLog2: -20);
        ProverAuditSummary summary = null!;
        long blocks = 0;
        while (blocks < bound)
        {
            blocks++;
            summary = await network.NextBlockAsync();
            if (summary.ChallengesFailed > 0)
            {
                break;
            }
        }

        output.WriteLine($"caught after {blocks} block(s); the calculator's bound is {bound}");
        Assert.True(summary.ChallengesFailed > 0, $"A prover missing 10 % of its chunks survived {bound} blocks of challenges.");
        List<AvailabilityReport> failed = await FailedReportsAsync(network);
        Assert.All(failed, report =>
        {
            Assert.Equal(AvailabilityOutcome.WrongChunk, report.Outcome);
            Assert.Contains(report.ChunkIndex, corrupted);
        });
        Assert.Equal((ulong)failed.Count, Assert.Single(summary.Chains).ChallengesFailed);

        Assert.Equal(1UL, summary.Slashes);
        LedgerBond bond = Assert.Single(await network.Ledger.GetBondsAsync(network.ProverKey.ToString()), b => b.Purpose == BondPurpose.Checkpoint);
        Assert.Equal(BondState.Slashed, bond.State);
        Assert.Equal(ConsensusParameters.Dev.SlashingPenalty, bond.SlashedAmount);
    }

    [Fact]
    public async Task ReplayedAnswers_FromAnEarlierNonce_AreRejected()
    {
        string? firstNonce = null;
        TamperingFront? front = null;
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 64, gateway: async target =>
        {
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
            {
                if (body is null || !path.EndsWith("/challenges/availability", StringComparison.Ordinal))
                {
                    return await send(body);
                }

                // Answer every challenge as it was answered under the first nonce ever seen (precomputed or recorded answers).
                JsonObject challenge = JsonNode.Parse(body)!.AsObject();
                firstNonce ??= (string?)challenge["nonce"];
                challenge["nonce"] = firstNonce;
                return await send(challenge.ToJsonString());
            });
            return front.Address;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront? ownedFront = front;

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        // Only the very first challenge (whose nonce the replays reuse) can pass.
        Assert.True(summary.ChallengesPassed <= 1, $"{summary.ChallengesPassed} replayed answers passed");
        Assert.True(summary.ChallengesFailed >= 2 * Challenges - 1);
        Assert.All(await FailedReportsAsync(network), report => Assert.Equal(AvailabilityOutcome.WrongBinding, report.Outcome));
    }

    [Fact]
    public async Task AnswersForAnotherChunk_WithAFreshBinding_AreRejected()
    {
        TamperingFront? front = null;
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 64, gateway: async target =>
        {
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
            {
                if (body is null || !path.EndsWith("/challenges/availability", StringComparison.Ordinal))
                {
                    return await send(body);
                }

                // Open the neighbouring chunk, then dress it up as the asked one with a correct binding over the real nonce.
                JsonObject challenge = JsonNode.Parse(body)!.AsObject();
                ulong asked = (ulong)challenge["chunkIndex"]!;
                challenge["chunkIndex"] = (asked + 1) % 64;
                JsonObject answer = JsonNode.Parse(await send(challenge.ToJsonString()))!.AsObject();
                byte[] chunk = Convert.FromBase64String((string)answer["chunk"]!);
                answer["chunkIndex"] = asked;
                answer["binding"] = AvailabilityAnswer.ComputeBinding(
                    Hash32.Parse((string?)challenge["nonce"]), Hash32.Parse((string?)challenge["chainId"]), asked, chunk).ToString();
                return answer.ToJsonString();
            });
            return front.Address;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront? ownedFront = front;

        ProverAuditSummary summary = await network.NextBlockAsync();

        Assert.Equal(0UL, summary.ChallengesPassed);
        Assert.Equal((ulong)Challenges, summary.ChallengesFailed);
        Assert.All(await FailedReportsAsync(network), report => Assert.Equal(AvailabilityOutcome.WrongChunk, report.Outcome));
    }

    [Fact]
    public async Task LateAnswers_WithTheRightBytes_AreRecordedAsFailures()
    {
        TimeSpan delay = TimeSpan.FromMilliseconds(650);
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(
            chunks: 16,
            proverServices: services => services.AddSingleton<IStartupFilter>(new SlowChallenges(delay)));
        await using AuditNetwork owned = network;

        ProverAuditSummary summary = await network.NextBlockAsync();

        Assert.Equal(0UL, summary.ChallengesPassed);
        Assert.Equal((ulong)Challenges, summary.ChallengesFailed);
        Assert.Equal(0UL, summary.RewardsPaid);

        // Late, or (on a loaded machine, in a CI run beside other test assemblies) past the verifier's 2 s request
        // timeout on top of the 650 ms delay, which is a failure too; never a pass and never any other outcome.
        IReadOnlyList<AvailabilityReport> reports = await FailedReportsAsync(network);
        output.WriteLine(string.Join(", ", reports.Select(r => $"{r.Outcome} {r.RoundTripMicroseconds} µs")));
        Assert.True(summary.ChallengesLate >= 1, "no answer was recorded as late");
        Assert.All(reports, report =>
        {
            Assert.Contains(report.Outcome, new[] { AvailabilityOutcome.Late, AvailabilityOutcome.NoAnswer });
            Assert.True(report.RoundTripMicroseconds > (ulong)ConsensusParameters.Dev.AvailabilityDeadline.TotalMicroseconds, $"round trip {report.RoundTripMicroseconds} µs");
        });
    }

    [Fact]
    public async Task SecondProverClaimingTheSameReplica_FailsAgainstItsOwnKey()
    {
        using NodeKey impostor = NodeKey.Generate();
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 32, claimedKey: impostor.PublicKey);
        await using AuditNetwork owned = network;

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        // The records are signed by the real owner, and the chain's id recomputed under the claimed key is another chain.
        Assert.Equal(0UL, summary.BlockRecordsValid);
        Assert.Equal(network.Height, summary.BlockRecordsInvalid);
        Assert.Empty(summary.Chains);
        Assert.Equal(0UL, summary.ChallengesPassed);
        Assert.Equal(0UL, summary.RewardsPaid);
        Assert.Contains("not this prover's", summary.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProverWithoutItsVdf_SignsRecordsWithoutSequentialWork_AndFailsTheVdfCheck()
    {
        // A prover that skips the VDF signs each record with the zero point: nothing shows that real time
        // passed between its blocks. Its records are validly signed; the separation check is what catches it.
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 16, vdf: false);
        await using AuditNetwork owned = network;
        ProverAuditSummary summary = null!;
        for (int i = 0; i < 3; i++)
        {
            summary = await network.NextBlockAsync();
        }

        Assert.Equal(network.Height, summary.BlockRecordsValid);
        Assert.Equal(0UL, summary.VdfPairsValid);
        Assert.True(summary.VdfPairsInvalid >= 2, $"VDF pairs failed: {summary.VdfPairsInvalid}");
        Assert.Contains("VDF", summary.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedVdfCheckpoints_FromTheProversGateway_AreRejected()
    {
        // The gateway serves checkpoints whose states were altered: the checkpoint chain no longer verifies
        // under the prover's key, so no pair of records can be shown to be N sequential iterations apart.
        (AuditNetwork network, TamperingFront front) = await StartBehindFrontAsync("/api/vdf/checkpoints", page =>
        {
            foreach (JsonNode? checkpoint in page["checkpoints"]!.AsArray())
            {
                byte[] encoded = Convert.FromBase64String((string)checkpoint!["encoded"]!);
                encoded[^80] ^= 1; // a bit of the body (the last 64 bytes are the signature)
                checkpoint["encoded"] = Convert.ToBase64String(encoded);
            }

            return page;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront ownedFront = front;
        ProverAuditSummary summary = null!;
        for (int i = 0; i < 3; i++)
        {
            summary = await network.NextBlockAsync();
        }

        Assert.Equal(network.Height, summary.BlockRecordsValid);
        Assert.Equal(0UL, summary.VdfPairsValid);
        Assert.True(summary.VdfPairsInvalid >= 1, $"VDF pairs failed: {summary.VdfPairsInvalid}; last failure: {summary.LastFailure}");
    }

    [Fact]
    public async Task AListingThatHidesAChain_FailsAgainstTheSignedChainCount()
    {
        TamperingFront? front = null;
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 16, gateway: async target =>
        {
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
            {
                string answer = await send(body);
                if (path != "/api/chains")
                {
                    return answer;
                }

                // The prover's chain left out of its listing: no challenge could reach it, while its signed roots still cover it.
                JsonObject page = JsonNode.Parse(answer)!.AsObject();
                page["items"] = new JsonArray();
                page["next"] = null;
                return page.ToJsonString();
            });
            return front.Address;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront? ownedFront = front;

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        // The records are genuine; the listing is what fails, against the chain count the prover signed.
        Assert.Equal(network.Height, summary.BlockRecordsValid);
        Assert.Equal(0UL, summary.ChallengesPassed + summary.ChallengesFailed);
        Assert.True(summary.RecentFailures >= 1, $"no failure recorded; last failure: {summary.LastFailure}");
        Assert.Contains("lists 0 chains as covered by this block; its signed record covers 1", summary.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListedChainWhoseProofIsWithheld_Fails()
    {
        TamperingFront? front = null;
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 16, gateway: async target =>
        {
            // The chain stays listed (the count matches the signed record), but its compact proofs are "not there".
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
                path.EndsWith("/proofs/compact", StringComparison.Ordinal) ? null : await send(body));
            return front.Address;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront? ownedFront = front;

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        Assert.Equal(0UL, summary.ProofsValid);
        Assert.True(summary.ProofsInvalid >= 1, $"no proof failure recorded; last failure: {summary.LastFailure}");
    }

    [Fact]
    public async Task TamperedBlockRecord_IsRejected()
    {
        (AuditNetwork network, TamperingFront front) = await StartBehindFrontAsync("/api/blocks/", block =>
        {
            // One changed bit of the global root; the signature stays the prover's real one.
            string root = (string)block["globalRoot"]!;
            block["globalRoot"] = root[..^1] + (root[^1] == '0' ? '1' : '0');
            return block;
        });
        await using AuditNetwork owned = network;
        await using TamperingFront ownedFront = front;

        ProverAuditSummary summary = await network.NextBlockAsync();
        summary = await network.NextBlockAsync();

        Assert.Equal(0UL, summary.BlockRecordsValid);
        Assert.Equal(network.Height, summary.BlockRecordsInvalid);
        Assert.Equal(0UL, summary.ProofsValid);
    }

    /// <summary>
    /// Starts the two nodes with the verifier auditing the prover through a front that rewrites the JSON
    /// answers of the paths starting with <paramref name="pathPrefix"/> (a dishonest prover's gateway).
    /// </summary>
    private static async Task<(AuditNetwork Network, TamperingFront Front)> StartBehindFrontAsync(string pathPrefix, Func<JsonObject, JsonObject> rewrite)
    {
        TamperingFront? front = null;
        (AuditNetwork network, _) = await AuditNetwork.StartAsync(chunks: 16, gateway: async target =>
        {
            front = await TamperingFront.StartAsync(target, async (path, body, send) =>
            {
                string answer = await send(body);
                return path.StartsWith(pathPrefix, StringComparison.Ordinal) ? rewrite(JsonNode.Parse(answer)!.AsObject()).ToJsonString() : answer;
            });
            return front.Address;
        });
        return (network, front!);
    }

    private static async Task<List<AvailabilityReport>> FailedReportsAsync(AuditNetwork network)
    {
        List<AvailabilityReport> failed = [];
        foreach (SignedReport signed in await network.Audit.GetReportsAsync(256))
        {
            Assert.True(AvailabilityReport.TryVerify(signed.Encoded.AsSpan(), network.VerifierKey, out AvailabilityReport? report));
            if (report!.Outcome != AvailabilityOutcome.Passed)
            {
                failed.Add(report);
            }
        }

        Assert.NotEmpty(failed);
        return failed;
    }

    /// <summary>Overwrites the given chunks of a replica file with other bytes (the prover lost them).</summary>
    private static void CorruptChunks(string replicaPath, IEnumerable<ulong> indices)
    {
        using FileStream file = new(replicaPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        byte[] junk = new byte[4096];
        foreach (ulong index in indices)
        {
            new Random((int)index).NextBytes(junk);
            file.Position = (long)index * 4096;
            file.Write(junk);
        }
    }

    /// <summary>Listens to the verifier's challenge instruments on the node meter.</summary>
    private sealed class ChallengeMeter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _passed;
        private long _roundTrips;

        public ChallengeMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Abstractions.Node.NodeTelemetry.MeterName && instrument.Name.StartsWith("orleansproofs.availability.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    if (tag.Key == "outcome" && (string?)tag.Value == "passed")
                    {
                        Interlocked.Add(ref _passed, value);
                    }
                }
            });
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _roundTrips));
            _listener.Start();
        }

        public long Passed => Interlocked.Read(ref _passed);

        public long RoundTrips => Interlocked.Read(ref _roundTrips);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Delays the prover's challenge answers in its own HTTP pipeline (a remote store behind it, or a stalling prover).</summary>
    private sealed class SlowChallenges(TimeSpan delay) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path.StartsWithSegments("/api/challenges", StringComparison.Ordinal))
                {
                    await Task.Delay(delay);
                }

                await following();
            });
            next(app);
        };
    }
}
