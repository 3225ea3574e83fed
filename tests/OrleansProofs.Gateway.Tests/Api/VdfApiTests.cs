// SPDX-License-Identifier: MIT

using System.Net;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>GET /api/vdf</c>: the latest signed checkpoint (its fields agree with its base64 wire form, whose
/// signature verifies under the node key) and the evaluator's figures; <c>GET /api/vdf/checkpoints</c>
/// pages a chain Core's verifier accepts; 503 naming <c>vdf</c> while the VDF is switched off.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VdfApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheLatestSignedCheckpointAndTheEvaluatorsFigures()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "vdf");
        await gateway.PushCanonicalAsync(1);
        JsonElement block = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.OK);
        Assert.True(block.GetProperty("vdfIterations").GetUInt64() > 0);

        JsonElement vdf = await MeasuredAsync(gateway);
        Assert.Equal(fixture.Prover.ToString(), vdf.GetProperty("proverPublicKey").GetString());
        Assert.Equal(4L << 20, vdf.GetProperty("bufferBytes").GetInt64());
        Assert.True(vdf.GetProperty("iterationsPerSecond").GetDouble() > 0);
        Assert.Equal(1UL << 16, vdf.GetProperty("checkpointIterations").GetUInt64());

        JsonElement latest = vdf.GetProperty("latestCheckpoint");
        VdfCheckpoint decoded = VdfCheckpoint.Decode(Convert.FromBase64String(latest.GetProperty("encoded").GetString()!));
        Assert.True(decoded.VerifySignature(fixture.Prover));
        Assert.Equal(decoded.Sequence, latest.GetProperty("sequence").GetUInt64());
        Assert.Equal(decoded.RestartCount, latest.GetProperty("restartCount").GetUInt32());
        Assert.Equal(decoded.RestartCount, vdf.GetProperty("restartCount").GetUInt32());
        Assert.Equal(decoded.Point.Iterations, latest.GetProperty("iterations").GetUInt64());
        Assert.Equal(decoded.Point.State.ToString(), latest.GetProperty("state").GetString());
        Assert.Equal(decoded.ComputeHash().ToString(), latest.GetProperty("hash").GetString());
        Assert.Equal(decoded.PreviousHash.ToString(), latest.GetProperty("previousHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(decoded.Signature), latest.GetProperty("signature").GetString());
        Assert.Equal(VdfFunction.DeriveSeed(fixture.Prover, Hash32.Zero).ToString(), latest.GetProperty("seed").GetString());
        Assert.True(vdf.GetProperty("iterations").GetUInt64() >= decoded.Point.Iterations);

        // The durable window pages as a chain the verifier accepts.
        ulong durable = vdf.GetProperty("durableSequence").GetUInt64();
        ulong from = durable >= 7 ? durable - 7 : 0;
        JsonElement page = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/vdf/checkpoints?from={from}&limit=8"), HttpStatusCode.OK);
        List<VdfCheckpoint> chain = [.. page.GetProperty("checkpoints").EnumerateArray().Select(c => VdfCheckpoint.Decode(Convert.FromBase64String(c.GetProperty("encoded").GetString()!)))];
        Assert.Equal(from, chain[0].Sequence);
        Assert.True(chain.Count >= 1);
        VdfVerificationResult links = ContinuousVdfVerifier.VerifyChain(chain, fixture.Prover);
        Assert.True(links.IsValid, links.ToString());
    }

    [Fact]
    public async Task BadPagingIsRejectedNamingTheField()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "vdf-paging");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/vdf/checkpoints?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/vdf/checkpoints?limit=257"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/vdf/checkpoints?from=-1"), HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task SwitchedOff_Is503NamingTheVdf_AndBlocksCarryNoPoint()
    {
        ClusterFixture off = ClusterFixture.WithoutVdf();
        await off.InitializeAsync();
        try
        {
            await using GatewayHost gateway = await GatewayHost.StartAsync(off, "vdf-off");
            await gateway.PushCanonicalAsync(1);
            JsonElement block = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.OK);
            Assert.Equal(0UL, block.GetProperty("vdfIterations").GetUInt64());
            Assert.Equal(Hash32.Zero.ToString(), block.GetProperty("vdfState").GetString());

            string reason = await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/vdf"), HttpStatusCode.ServiceUnavailable, "vdf");
            Assert.Contains("switched off", reason, StringComparison.Ordinal);
        }
        finally
        {
            await off.DisposeAsync();
        }
    }

    /// <summary>GET /api/vdf once the evaluator has measured its rate (two samples, a quarter second apart).</summary>
    private static async Task<JsonElement> MeasuredAsync(GatewayHost gateway)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
        while (true)
        {
            JsonElement vdf = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/vdf"), HttpStatusCode.OK);
            if (vdf.GetProperty("iterationsPerSecond").GetDouble() > 0 && vdf.TryGetProperty("durableSequence", out JsonElement durable) && durable.ValueKind == JsonValueKind.Number)
            {
                return vdf;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
