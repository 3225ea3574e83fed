// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansProofs.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium (<see cref="ExecutablePath"/>) started headless on a new temporary profile with the
/// DevTools endpoint on a port it picks (read from the profile's DevToolsActivePort file). Disposing
/// kills the whole process tree and deletes the profile, whatever happened before.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly Queue<string> _stderr = new();

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The DevTools HTTP endpoint (http://127.0.0.1:port/).</summary>
    public Uri DevToolsAddress { get; private set; } = null!;

    /// <summary>Fails the test, saying how to install it, when Debian's Chromium is missing.</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing: the status page test drives Debian's Chromium. Install Debian's chromium package (apt-get install -y chromium; CI installs it) and run the tests again.");
        }
    }

    /// <summary>Starts the browser with a <paramref name="width"/> × <paramref name="height"/> window and waits for its DevTools endpoint.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height, CancellationToken cancellationToken)
    {
        RequireInstalled();
        string profile = Path.Combine(Path.GetTempPath(), "posc-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        ProcessStartInfo start = new(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", $"--window-size={width},{height}",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{ExecutablePath} did not start.");
        }
        catch
        {
            Directory.Delete(profile, recursive: true);
            throw;
        }

        HeadlessChromium browser = new(process, profile);
        process.ErrorDataReceived += (_, e) => browser.Remember(e.Data);
        process.OutputDataReceived += (_, e) => browser.Remember(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            browser.DevToolsAddress = await browser.WaitForDevToolsAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects to the first page target (the about:blank tab the browser opened).</summary>
    public async Task<DevToolsSession> OpenPageAsync(CancellationToken cancellationToken)
    {
        using HttpClient client = new() { BaseAddress = DevToolsAddress };
        JsonElement targets = await client.GetFromJsonAsync<JsonElement>("json/list", cancellationToken);
        foreach (JsonElement target in targets.EnumerateArray())
        {
            if (target.GetProperty("type").GetString() == "page")
            {
                return await DevToolsSession.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Chromium lists no page target: {targets}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            _process.Dispose();
            DeleteProfile();
        }
    }

    private async Task<Uri> WaitForDevToolsAsync(CancellationToken cancellationToken)
    {
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before opening DevTools:{Environment.NewLine}{Output()}");
            }

            if (File.Exists(portFile))
            {
                string[] lines = await File.ReadAllLinesAsync(portFile, timeout.Token);
                if (lines.Length >= 1 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port > 0)
                {
                    return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
                }
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Chromium wrote no DevToolsActivePort within 30 s:{Environment.NewLine}{Output()}");
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Enqueue(line);
            if (_stderr.Count > 40)
            {
                _stderr.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_stderr)
        {
            return string.Join(Environment.NewLine, _stderr);
        }
    }

    /// <summary>Deletes the profile; Chromium's last writes may race the kill, so it retries briefly.</summary>
    private void DeleteProfile()
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(_profile))
                {
                    Directory.Delete(_profile, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(200);
            }
        }
    }
}
