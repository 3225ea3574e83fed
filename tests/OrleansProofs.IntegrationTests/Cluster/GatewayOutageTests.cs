// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// The separate gateway process across a restart of the cluster's only silo (killed with SIGKILL, then
/// started again on the same ports, database and volume): during the outage every request gets a
/// retryable 503 problem with Retry-After or, never a wrong answer; once the silo is back the gateway
/// answers the same recorded blocks and carries on with new ones, without being restarted itself.
/// </summary>
public sealed class GatewayOutageTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task GatewayAnswersRetryablyDuringASiloRestartAndCorrectlyAfterIt()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        CancellationToken cancellationToken = timeout.Token;
        await using LocalCluster cluster = await LocalCluster.CreateAsync(nameof(GatewayAnswersRetryablyDuringASiloRestartAndCorrectlyAfterIt));
        SiloProcess silo = await cluster.StartSiloAsync("silo");
        NodeProcess gateway = await cluster.StartGatewayAsync();

        await cluster.PushBlockAsync(1, cancellationToken);
        string chainA = await cluster.RegisterAsync(cluster.WriteFile("a.bin", 40_000, seed: 7), cancellationToken);
        string chainB = await cluster.RegisterAsync(cluster.WriteFile("b.bin", 50_000, seed: 8), cancellationToken);
        for (ulong height = 2; height <= 4; height++)
        {
            await cluster.PushBlockAsync(height, cancellationToken);
        }

        string latestBefore = await cluster.GetTextAsync("/api/blocks/latest", cancellationToken);
        string chainBefore = await cluster.GetTextAsync($"/api/chains/{chainA}", cancellationToken);
        Dictionary<string, string> before = new()
        {
            ["/api/blocks/latest"] = latestBefore,
            [$"/api/chains/{chainA}"] = chainBefore,
            ["/api/network/stats"] = await cluster.GetTextAsync("/api/network/stats", cancellationToken),
        };

        silo.Process.Kill();
        Stopwatch outage = Stopwatch.StartNew();

        // The outage: reads and a block push each answer a retryable 503, or (reads) the very same answer as before.
        int unavailable = 0;
        while (unavailable < 3)
        {
            foreach ((string path, string expected) in before)
            {
                using HttpResponseMessage response = await cluster.Http.GetAsync(path, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    LocalCluster.AssertRetryable(response, body);
                    unavailable++;
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} during the outage: {(int)response.StatusCode} {body}");
                    Assert.Equal(expected, body);
                }
            }

            Assert.True(outage.Elapsed < TimeSpan.FromSeconds(60), "the gateway never reported the outage");
        }

        using (HttpResponseMessage health = await cluster.Http.GetAsync("/health", cancellationToken))
        {
            string body = await health.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(health.StatusCode == HttpStatusCode.ServiceUnavailable, $"/health during the outage: {(int)health.StatusCode} {body}");
            Assert.Equal("silo", JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
        }

        TimeSpan detected = outage.Elapsed;
        Assert.True(gateway.IsRunning, "the gateway process must survive the outage");

        // The silo comes back on the same ports, database and volume; the gateway finds it through the membership table.
        Stopwatch restart = Stopwatch.StartNew();
        await cluster.StartSiloAsync("silo-restarted", silo.SiloPort, silo.GatewayPort);
        TimeSpan siloStarted = restart.Elapsed;
        string latestAfter = await WaitForAnswerAsync(cluster, "/api/blocks/latest", cancellationToken);
        TimeSpan answering = restart.Elapsed;
        Assert.Equal(latestBefore, latestAfter);
        Assert.Equal(chainBefore, await cluster.GetTextAsync($"/api/chains/{chainA}", cancellationToken));

        PushResult next = await cluster.PushBlockAsync(5, cancellationToken);
        Assert.Equal("recorded", next.Outcome);
        Assert.Equal(2, next.Block.GetProperty("totalChains").GetInt32());
        Assert.Equal(JsonDocument.Parse(latestBefore).RootElement.GetProperty("globalRoot").GetString(), next.Block.GetProperty("previousGlobalRoot").GetString());
        foreach (string chainId in new[] { chainA, chainB })
        {
            JsonElement chain = JsonDocument.Parse(await cluster.GetTextAsync($"/api/chains/{chainId}", cancellationToken)).RootElement;
            Assert.Equal(5UL, chain.GetProperty("headHeight").GetUInt64());
            JsonElement verdict = await cluster.ProveAndVerifyAsync(chainId, 5, cancellationToken);
            Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        }

        Assert.True(gateway.IsRunning, "the gateway process was never restarted");
        output.WriteLine($"outage seen as 503 after {detected.TotalSeconds:F1} s; restarted silo active after {siloStarted.TotalSeconds:F1} s; gateway answering {answering.TotalSeconds:F1} s after the restart began");
    }

    /// <summary>GETs <paramref name="path"/> until it answers 200; every other answer on the way must be a retryable 503.</summary>
    private static async Task<string> WaitForAnswerAsync(LocalCluster cluster, string path, CancellationToken cancellationToken)
    {
        Stopwatch waited = Stopwatch.StartNew();
        while (true)
        {
            using HttpResponseMessage response = await cluster.Http.GetAsync(path, cancellationToken);
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }

            LocalCluster.AssertRetryable(response, body);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"GET {path} still 503 after 60 s: {body}");
            await Task.Delay(250, cancellationToken);
        }
    }
}
