// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>GET /metrics</c>: after blocks pushed through the gateway and a chain registered, the Prometheus
/// text holds the node's series for this test's network with plausible values (the blocks counter at
/// least the blocks pushed, block-duration histograms with counts, the chain counted active), and
/// Orleans' own meters. The silo shares the test process, as it shares the node's in single-process mode.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class MetricsApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task MetricsHoldTheNodesSeriesAndOrleansMeters()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "metrics");
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(6_000, seed: 7);
        await fixture.Cluster.Client.GetGrain<IChainGrain>(gateway.ChainIdOf(file).ToString())
            .RegisterAsync(new ChainRegistrationRequest(file, gateway.Network, ChainRegistrationRules.DefaultRetentionPolicy));
        await gateway.PushCanonicalAsync(2);
        await gateway.PushCanonicalAsync(3);
        await gateway.PushAsync(new { height = 3UL, blockHash = gateway.HashAt(3).ToString(), timestamp = GatewayHost.TimestampAt(3) });

        using HttpResponseMessage response = await gateway.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        string network = $"network=\"{gateway.Network}\"";

        Assert.Contains("# TYPE orleansproofs_blocks_total counter", lines);
        Assert.True(Value(lines, "orleansproofs_blocks_total", network, "outcome=\"recorded\"") >= 3);
        Assert.True(Value(lines, "orleansproofs_blocks_total", network, "outcome=\"duplicate\"") >= 1);
        Assert.True(Value(lines, "orleansproofs_block_duration_seconds_count", network) >= 3);
        Assert.True(Value(lines, "orleansproofs_block_duration_seconds_sum", network) > 0);
        Assert.True(Value(lines, "orleansproofs_block_phase_duration_seconds_count", network, "phase=\"commit\"") >= 3);
        Assert.True(Value(lines, "orleansproofs_block_chains_sum", network) >= 2);
        Assert.Equal(1, Value(lines, "orleansproofs_chains", network, "status=\"active\""));
        Assert.Equal(0, Value(lines, "orleansproofs_chains", network, "status=\"pending\""));
        Assert.True(Value(lines, "orleansproofs_commitment_log_write_rows_sum", network) >= 2);

        // Orleans' own meter ("Microsoft.Orleans"): its instruments are named orleans-*, exported as orleans_*.
        Assert.Contains(lines, line => OrleansSeries().IsMatch(line));
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> carrying every label in <paramref name="labels"/>.</summary>
    private static double Value(string[] lines, string metric, params string[] labels)
    {
        string sample = Assert.Single(lines, line =>
            line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)));
        return double.Parse(sample[(sample.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^orleans_[a-z_]+(\{[^}]*\})? [0-9.e+-]+")]
    private static partial Regex OrleansSeries();
}
