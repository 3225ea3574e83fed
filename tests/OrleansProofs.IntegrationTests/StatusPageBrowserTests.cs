// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.IntegrationTests.Browser;
using RepositoryRoot = OrleansProofs.Core.Tests.Docs.RepositoryRoot;

namespace OrleansProofs.IntegrationTests;

/// <summary>
/// The status page in a real browser: the single-process node (silo + API, 3 demo chains, 1 s blocks)
/// serves <c>/</c> to headless Chromium driven over the DevTools protocol; the page's own script
/// charts the blocks it polls, shows the node, readiness and a valid block signature, looks up a
/// pasted chain id, and its compact-proof download verifies through <c>POST /api/proofs/verify</c>.
/// The page is saved as TestResults/status-page.png under the repository root.
/// </summary>
public sealed class StatusPageBrowserTests
{
    [Fact]
    public async Task StatusPageChartsBlocksAndDownloadsAVerifiableProof()
    {
        HeadlessChromium.RequireInstalled();
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        CancellationToken cancellationToken = timeout.Token;

        await using EmbeddedNode node = new(new Dictionary<string, string?>(), api: true);
        await node.StartAsync("--demo-chains", "3", "--block-interval", "00:00:01");
        using HttpClient api = new() { BaseAddress = node.ApiAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilAsync("the 3 demo chains are active", async () =>
            (await api.GetFromJsonAsync<JsonElement>("/api/network/stats", cancellationToken)).GetProperty("activeChains").GetUInt64() == 3, cancellationToken);
        Hash32 chainId = DemoChainId(node);

        await using HeadlessChromium browser = await HeadlessChromium.StartAsync(1280, 1000, cancellationToken);
        await using DevToolsSession page = await browser.OpenPageAsync(cancellationToken);
        await page.SendAsync("Page.navigate", new { url = node.ApiAddress.ToString() }, cancellationToken);

        await WaitUntilAsync("the chart shows at least two blocks", async () =>
            (await page.EvaluateAsync("document.querySelectorAll('#chart rect.bar').length", cancellationToken)).GetInt32() >= 2, cancellationToken);
        await WaitUntilAsync("the page reports the node ready", async () => await TextAsync(page, "readiness", cancellationToken) == "Ready", cancellationToken);
        Assert.Equal("prover", await TextAsync(page, "node-role", cancellationToken));
        Assert.Equal(node.Prover.ToString(), await TextAsync(page, "node-key", cancellationToken));
        Assert.Equal("fresh", await TextAsync(page, "check-adapter", cancellationToken));
        Assert.Equal("✓ valid", await TextAsync(page, "latest-signature", cancellationToken));
        Assert.Equal("3", await TextAsync(page, "count-active", cancellationToken));
        Assert.Equal("3", await TextAsync(page, "latest-chains", cancellationToken));
        Assert.Matches("^[0-9a-f]{64}$", await TextAsync(page, "latest-root", cancellationToken));

        // Paste the chain id into the lookup and submit it, as an operator would.
        await page.EvaluateAsync("document.getElementById('chain-id').focus()", cancellationToken);
        await page.SendAsync("Input.insertText", new { text = chainId.ToString() }, cancellationToken);
        await page.EvaluateAsync("document.querySelector('#lookup button[type=submit]').click()", cancellationToken);
        await WaitUntilAsync("the lookup shows the chain", async () =>
            (await page.EvaluateAsync("!document.getElementById('chain').hidden", cancellationToken)).GetBoolean(), cancellationToken);
        Assert.Equal("active", await TextAsync(page, "chain-status", cancellationToken));

        // The compact download, fetched by the page from the link it built.
        JsonElement download = await page.EvaluateAsync("""
            (async () => {
              const link = document.getElementById('download-compact');
              const response = await fetch(link.href);
              const bytes = new Uint8Array(await response.arrayBuffer());
              let binary = '';
              for (const b of bytes) { binary += String.fromCharCode(b); }
              return { status: response.status, href: link.getAttribute('href'), data: btoa(binary) };
            })()
            """, cancellationToken);
        Assert.Equal(200, download.GetProperty("status").GetInt32());
        Assert.Equal($"/api/chains/{chainId}/proofs/compact", download.GetProperty("href").GetString());
        byte[] proof = Convert.FromBase64String(download.GetProperty("data").GetString()!);
        Assert.NotEmpty(proof);

        ByteArrayContent body = new(proof);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage verified = await api.PostAsync($"/api/proofs/verify?format=compact&chainId={chainId}", body, cancellationToken);
        string verdict = await verified.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(verified.StatusCode == HttpStatusCode.OK, verdict);
        Assert.True(JsonDocument.Parse(verdict).RootElement.GetProperty("valid").GetBoolean(), verdict);

        // A few more blocks, so the saved picture shows the chart moving along.
        await WaitUntilAsync("the chart shows eight blocks", async () =>
            (await page.EvaluateAsync("document.querySelectorAll('#chart rect.bar').length", cancellationToken)).GetInt32() >= 8, cancellationToken);
        string screenshot = await SaveScreenshotAsync(page, cancellationToken);
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"{screenshot} is too small to show the page.");
    }

    /// <summary>The chain id of the first demo file (the node registers every file of its demo-files folder).</summary>
    private static Hash32 DemoChainId(EmbeddedNode node)
    {
        string file = Directory.GetFiles(Path.Combine(node.DataDirectory, "demo-files")).Order(StringComparer.Ordinal).First();
        return ChainId.Compute(DataHash.Compute(file), node.Prover);
    }

    private static async Task<string?> TextAsync(DevToolsSession page, string id, CancellationToken cancellationToken) =>
        (await page.EvaluateAsync($"document.getElementById('{id}').textContent", cancellationToken)).GetString();

    /// <summary>Captures the whole page as PNG into TestResults/status-page.png under the repository root.</summary>
    private static async Task<string> SaveScreenshotAsync(DevToolsSession page, CancellationToken cancellationToken)
    {
        JsonElement metrics = await page.SendAsync("Page.getLayoutMetrics", null, cancellationToken);
        JsonElement size = metrics.GetProperty("cssContentSize");
        JsonElement shot = await page.SendAsync("Page.captureScreenshot", new
        {
            format = "png",
            captureBeyondViewport = true,
            clip = new { x = 0, y = 0, width = size.GetProperty("width").GetDouble(), height = size.GetProperty("height").GetDouble(), scale = 1 },
        }, cancellationToken);
        string folder = Path.Combine(RepositoryRoot.Path, "TestResults");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "status-page.png");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!), cancellationToken);
        return path;
    }

    /// <summary>Polls <paramref name="condition"/> every 250 ms; fails naming <paramref name="what"/> (and the last error) when the token ends.</summary>
    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        Exception? last = null;
        while (!limit.IsCancellationRequested)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or InvalidOperationException or KeyNotFoundException)
            {
                last = error;
            }

            try
            {
                await Task.Delay(250, limit.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Fail($"Timed out waiting until {what}.{(last is null ? string.Empty : " Last error: " + last.Message)}");
    }
}
