// SPDX-License-Identifier: MIT

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Status;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// What operators read: <c>GET /health</c> readiness (200 only while the chain adapter is fresh, i.e.
/// the latest block is at most 3 block times old; otherwise 503 naming the failing check),
/// <c>GET /api/blocks?last=N</c> (recent records with checked signatures, N bounded) and the status
/// page's embedded files at <c>/</c> and <c>/status/*</c>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task HealthIsReadyOnlyWhileTheAdapterIsFresh()
    {
        // The dev profile's block time is 2 s: the adapter is stale once the latest block is over 6 s old
        // (plus 1 s, as block timestamps are whole seconds).
        FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds((long)GatewayHost.TimestampAt(5) + 1));
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "fresh", services: services => services.AddSingleton<TimeProvider>(clock));

        JsonElement waiting = await UnavailableAsync(gateway, "adapter");
        Assert.Equal("waiting", waiting.GetProperty("checks").GetProperty("adapter").GetString());
        Assert.Equal("reachable", waiting.GetProperty("checks").GetProperty("storage").GetString());

        await gateway.PushCanonicalAsync(5);
        JsonElement fresh = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("fresh", fresh.GetProperty("adapter").GetString());
        Assert.Equal("reachable", fresh.GetProperty("silo").GetString());
        Assert.Equal("reachable", fresh.GetProperty("storage").GetString());
        Assert.Equal("prover", fresh.GetProperty("role").GetString());
        Assert.Equal(5UL, fresh.GetProperty("latestHeight").GetUInt64());
        Assert.Equal(1.0, fresh.GetProperty("latestBlockAgeSeconds").GetDouble());
        Assert.Equal(2.0, fresh.GetProperty("blockIntervalSeconds").GetDouble());
        Assert.Equal(6.0, fresh.GetProperty("maxBlockAgeSeconds").GetDouble());
        Assert.Equal(0, fresh.GetProperty("missedBlocks").GetInt64());

        clock.Advance(TimeSpan.FromSeconds(6));
        JsonElement late = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal(2, late.GetProperty("missedBlocks").GetInt64());

        clock.Advance(TimeSpan.FromSeconds(1));
        JsonElement stale = await UnavailableAsync(gateway, "adapter");
        Assert.Equal("stale", stale.GetProperty("checks").GetProperty("adapter").GetString());
        Assert.Equal("reachable", stale.GetProperty("checks").GetProperty("silo").GetString());
        Assert.Contains("8 s old", stale.GetProperty("reason").GetString());
        Assert.Equal(2, stale.GetProperty("missedBlocks").GetInt64());

        // The next block (timestamped by its chain) makes the adapter fresh again.
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds((long)GatewayHost.TimestampAt(6)));
        await gateway.PushCanonicalAsync(6);
        await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConfiguredBlockIntervalSetsTheAllowedAge()
    {
        FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds((long)GatewayHost.TimestampAt(3) + 20));
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "interval", services: services => services
            .AddSingleton<TimeProvider>(clock)
            .Configure<ReadinessOptions>(options => options.BlockInterval = TimeSpan.FromSeconds(10)));
        await gateway.PushCanonicalAsync(3);

        JsonElement health = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal(10.0, health.GetProperty("blockIntervalSeconds").GetDouble());
        Assert.Equal(30.0, health.GetProperty("maxBlockAgeSeconds").GetDouble());
        Assert.Equal(0, health.GetProperty("missedBlocks").GetInt64());

        clock.Advance(TimeSpan.FromSeconds(11));
        JsonElement late = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal(2, late.GetProperty("missedBlocks").GetInt64());
        clock.Advance(TimeSpan.FromSeconds(1));
        await UnavailableAsync(gateway, "adapter");
    }

    [Fact]
    public async Task RecentBlocksAreBoundedAndCarryCheckedSignatures()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "recent");
        JsonElement empty = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks?last=5"), HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("blocks").GetArrayLength());
        for (ulong height = 30; height <= 32; height++)
        {
            await gateway.PushCanonicalAsync(height);
        }

        JsonElement lastTwo = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks?last=2"), HttpStatusCode.OK);
        Assert.Equal(gateway.Network, lastTwo.GetProperty("network").GetString());
        Assert.Equal(fixture.Prover.AsHash32().ToString(), lastTwo.GetProperty("proverPublicKey").GetString());
        JsonElement[] blocks = [.. lastTwo.GetProperty("blocks").EnumerateArray()];
        Assert.Equal([31UL, 32UL], blocks.Select(b => b.GetProperty("height").GetUInt64()));
        Assert.All(blocks, b => Assert.True(b.GetProperty("signatureValid").GetBoolean()));
        Assert.Equal(gateway.HashAt(32).ToString(), blocks[1].GetProperty("blockHash").GetString());
        Assert.True(blocks[1].GetProperty("timings").GetProperty("totalMs").GetDouble() > 0);

        JsonElement all = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks"), HttpStatusCode.OK);
        Assert.Equal(3, all.GetProperty("blocks").GetArrayLength());

        foreach (string bad in new[] { "0", "257", "-1", "ten", "1.5", "" })
        {
            string reason = await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/blocks?last={bad}"), HttpStatusCode.BadRequest, "last");
            Assert.Contains("1 to 256", reason);
        }
    }

    [Fact]
    public async Task SignatureCheckRejectsAlteredRecords()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "sigcheck");
        await gateway.PushCanonicalAsync(1);
        BlockRecord record = (await fixture.Cluster.Client.GetGrain<IBlockIngressGrain>(gateway.Network).GetLatestAsync())!;
        Hash32 node = fixture.Prover.AsHash32();
        Hash32 other = Sha256.Hash("another"u8);

        Assert.True(BlockSignatureCheck.IsValid(record, node));
        Assert.False(BlockSignatureCheck.IsValid(record with { GlobalRoot = other }, node));
        Assert.False(BlockSignatureCheck.IsValid(record with { TotalChains = record.TotalChains + 1 }, node));
        Assert.False(BlockSignatureCheck.IsValid(record with { Timestamp = record.Timestamp + 1 }, node));
        Assert.False(BlockSignatureCheck.IsValid(record, other));
        byte[] flipped = [.. record.Signature];
        flipped[0] ^= 1;
        Assert.False(BlockSignatureCheck.IsValid(record with { Signature = [.. flipped] }, node));
    }

    [Fact]
    public async Task StatusPageIsServedFromTheAssembly()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "page");
        using HttpResponseMessage page = await gateway.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/status/status.js\" defer></script>", html);
        Assert.Contains("id=\"chart\"", html);
        Assert.Contains("<label for=\"chain-id\">", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using HttpResponseMessage script = await gateway.Client.GetAsync("/status/status.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        string js = await script.Content.ReadAsStringAsync();
        Assert.Contains("/api/blocks?last=", js);
        Assert.Contains("/api/network/stats", js);
        Assert.DoesNotContain("https://", js, StringComparison.Ordinal);

        using HttpResponseMessage style = await gateway.Client.GetAsync("/status/status.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);

        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/status/missing.js"), HttpStatusCode.NotFound, "file");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/status/index.html"), HttpStatusCode.NotFound, "file");
    }

    private static async Task<JsonElement> UnavailableAsync(GatewayHost gateway, string check)
    {
        using HttpResponseMessage response = await gateway.Client.GetAsync("/health");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, check);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
