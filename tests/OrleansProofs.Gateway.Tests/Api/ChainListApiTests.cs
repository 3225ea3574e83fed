// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>GET /api/chains</c>: every chain once, ascending by chain id, across cursor pages; the status
/// filter separates pending from active chains (and pages the same way); each item carries the
/// chain's counters; <c>coveredAt</c> lists the chains a block covered (its record's count); bad limit,
/// status, height or cursor is a 400 problem naming the parameter.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainListApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PagesByChainIdWithAStatusFilter()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "list");
        JsonElement empty = await ListAsync(gateway, string.Empty);
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("next").ValueKind);

        await gateway.PushCanonicalAsync(1);
        List<string> active = [];
        for (int seed = 0; seed < 3; seed++)
        {
            active.Add(await RegisterAsync(gateway, 20_000 + seed, 100 + seed));
        }

        await gateway.PushCanonicalAsync(2);
        List<string> pending = [await RegisterAsync(gateway, 9_000, 200), await RegisterAsync(gateway, 9_500, 201)];
        string[] all = [.. active.Concat(pending).Order(StringComparer.Ordinal)];

        JsonElement whole = await ListAsync(gateway, string.Empty);
        Assert.Equal(all, Ids(whole));
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);
        JsonElement first = whole.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("chainId").GetString() == active[0]);
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.Equal(5UL, first.GetProperty("totalChunks").GetUInt64());
        Assert.Equal(1UL, first.GetProperty("chainLength").GetUInt64());
        Assert.Equal(1UL, first.GetProperty("anchorHeight").GetUInt64());
        Assert.Equal(2UL, first.GetProperty("activationBlock").GetUInt64());
        Assert.Equal("default", first.GetProperty("retentionPolicy").GetString());

        Assert.Equal(all, await CollectPagesAsync(gateway, "limit=2", expectedPages: 3));
        Assert.Equal(active.Order(StringComparer.Ordinal), await CollectPagesAsync(gateway, "status=active&limit=2", expectedPages: 2));
        JsonElement pendingPage = await ListAsync(gateway, "status=Pending");
        Assert.Equal(pending.Order(StringComparer.Ordinal), Ids(pendingPage));
        Assert.All(pendingPage.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("pending", i.GetProperty("status").GetString());
            Assert.Equal(0UL, i.GetProperty("chainLength").GetUInt64());
        });

        // The cursor need not be an enrolled chain: it is a position in chain id order.
        Assert.Equal(all, Ids(await ListAsync(gateway, $"after={new string('0', 64)}")));
        Assert.Equal(all[2..], Ids(await ListAsync(gateway, $"after={all[1]}")));
        Assert.Empty(Ids(await ListAsync(gateway, $"after={new string('f', 64)}")));

        await gateway.PushCanonicalAsync(3);
        Assert.Equal(all, Ids(await ListAsync(gateway, "status=active")));
        Assert.Empty(Ids(await ListAsync(gateway, "status=pending")));

        // By the block that covered them: exactly the set each record's signed totalChains counts, whatever came after.
        Assert.Empty(Ids(await ListAsync(gateway, "coveredAt=1")));
        Assert.Equal(active.Order(StringComparer.Ordinal), await CollectPagesAsync(gateway, "coveredAt=2&limit=2", expectedPages: 2));
        Assert.Equal(all, Ids(await ListAsync(gateway, "coveredAt=3")));
        for (ulong height = 1; height <= 3; height++)
        {
            JsonElement record = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/blocks/{height}"), HttpStatusCode.OK);
            Assert.Equal((ulong)Ids(await ListAsync(gateway, $"coveredAt={height}")).Length, record.GetProperty("totalChains").GetUInt64());
        }
    }

    [Fact]
    public async Task BadParametersNameThemselves()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "listerr");
        foreach (string limit in new[] { "0", "1001", "-1", "ten", "" })
        {
            await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains?limit={limit}"), HttpStatusCode.BadRequest, "limit");
        }

        foreach (string status in new[] { "unregistered", "2", "gone" })
        {
            string reason = await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains?status={status}"), HttpStatusCode.BadRequest, "status");
            Assert.Contains("active", reason);
        }

        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/chains?after=abc"), HttpStatusCode.BadRequest, "after");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains?after={new string('g', 64)}"), HttpStatusCode.BadRequest, "after");
        await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/chains?limit=1000&status=active"), HttpStatusCode.OK);

        await gateway.PushCanonicalAsync(1);
        foreach (string coveredAt in new[] { "abc", "-1", "" })
        {
            await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains?coveredAt={coveredAt}"), HttpStatusCode.BadRequest, "coveredAt");
        }

        string both = await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/chains?coveredAt=1&status=active"), HttpStatusCode.BadRequest, "coveredAt");
        Assert.Contains("not both", both);
        string unknown = await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/chains?coveredAt=99"), HttpStatusCode.BadRequest, "coveredAt");
        Assert.Contains("block 99 is not retained", unknown);
        await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/chains?coveredAt=1"), HttpStatusCode.OK);
    }

    private static async Task<string> RegisterAsync(GatewayHost gateway, int length, int seed)
    {
        string file = gateway.WriteFile(length, seed);
        JsonElement registration = await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);
        return registration.GetProperty("chainId").GetString()!;
    }

    private static async Task<JsonElement> ListAsync(GatewayHost gateway, string query) =>
        await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains?{query}"), HttpStatusCode.OK);

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("chainId").GetString()!)];

    private static async Task<List<string>> CollectPagesAsync(GatewayHost gateway, string query, int expectedPages)
    {
        List<string> ids = [];
        string? next = null;
        int pages = 0;
        do
        {
            JsonElement page = await ListAsync(gateway, next is null ? query : $"{query}&after={next}");
            pages++;
            string[] items = Ids(page);
            Assert.NotEmpty(items);
            ids.AddRange(items);
            next = page.GetProperty("next").GetString();
            if (next is not null)
            {
                Assert.Equal(items[^1], next);
            }
        }
        while (next is not null);

        Assert.Equal(expectedPages, pages);
        return ids;
    }
}
