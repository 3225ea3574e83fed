// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Text;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// One process of the silo executable (<c>dotnet OrleansProofs.Silo.dll …</c>, the build the test
/// project references and copies next to itself): a silo or a gateway. Its output goes to a log file
/// (TestResults/cluster-logs under the repository root) and is searched for the host's start line.
/// <see cref="Kill"/> is <c>kill -9</c>; dispose kills whatever still runs, so no test leaves a process behind.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();

    private NodeProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    /// <summary>The name the test gave the process (log file name).</summary>
    public string Name { get; }

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning
    {
        get
        {
            try
            {
                return !_process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>Whether the process has written <paramref name="text"/> to its output so far.</summary>
    public bool HasLogged(string text)
    {
        lock (_gate)
        {
            return _output.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Waits until the process has written <paramref name="text"/> (console logging is queued, so a line
    /// may appear shortly after the HTTP answer it belongs to); false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitForLogAsync(string text, TimeSpan timeout)
    {
        Stopwatch waited = Stopwatch.StartNew();
        while (!HasLogged(text))
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>The path of the executable's entry assembly.</summary>
    public static string SiloAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "OrleansProofs.Silo.dll");

    /// <summary>
    /// Starts the executable with <paramref name="args"/> in <paramref name="workingDirectory"/> and
    /// <paramref name="environment"/> added (secrets go there, not on the command line).
    /// </summary>
    public static NodeProcess Start(string name, string logFolder, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ProcessStartInfo info = new("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SiloAssembly);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach ((string key, string value) in environment)
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(logFolder);
        StreamWriter log = new(Path.Combine(logFolder, name + ".log"), append: true, Encoding.UTF8) { AutoFlush = true };
        log.WriteLine($"==== {DateTimeOffset.Now:O} start {name}: dotnet {string.Join(' ', info.ArgumentList)}");
        Process process = new() { StartInfo = info, EnableRaisingEvents = true };
        NodeProcess node = new(name, process, log);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.Exited += (_, _) => node._started.TrySetException(new InvalidOperationException($"{name} exited during start (code {SafeExitCode(process)}); see {logFolder}/{name}.log."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until the host logged that it started (silo active and, for a gateway, the cluster reached and the API listening).</summary>
    public async Task WaitStartedAsync(TimeSpan timeout)
    {
        try
        {
            await _started.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not start within {timeout.TotalSeconds:F0} s; see its log in TestResults/cluster-logs.");
        }
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> would (SIGKILL on Unix): no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (IsRunning)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        lock (_gate)
        {
            _log.WriteLine($"==== {DateTimeOffset.Now:O} killed (SIGKILL)");
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsRunning)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Gone already, or unkillable: nothing more a test can do.
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
