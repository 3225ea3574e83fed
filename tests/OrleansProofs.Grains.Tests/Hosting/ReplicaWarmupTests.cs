// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The start-up replica warm-up asks read-ahead for replica files only, within its byte budget; the effect on
/// blocks after a cold restart is measured at 100,000 chains (docs/performance.md, "A cold page cache").
/// </summary>
public sealed class ReplicaWarmupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("posc-warmup-").FullName;

    [Fact]
    public void ReplicasWithinTheBudgetAreAdvised_OthersCounted_OtherFilesIgnored()
    {
        for (int i = 0; i < 3; i++)
        {
            File.WriteAllBytes(Path.Combine(_folder, $"chain{i}{NodeContext.ReplicaSuffix}"), new byte[10_000]);
        }

        File.WriteAllBytes(Path.Combine(_folder, "chain0.replica.leaves"), new byte[50_000]);
        File.WriteAllBytes(Path.Combine(_folder, "notes.txt"), new byte[50_000]);

        ReplicaWarmupResult result = ReplicaWarmup.Warm(_folder, budgetBytes: 25_000, CancellationToken.None);

        if (OperatingSystem.IsLinux())
        {
            Assert.True(result.Supported);
            Assert.Equal(2, result.Files);
            Assert.Equal(20_000, result.Bytes);
            Assert.Equal(1, result.FilesBeyondBudget);
        }
        else
        {
            Assert.False(result.Supported);
            Assert.Equal(0, result.Files);
        }
    }

    [Fact]
    public void AnEmptyFolderWarmsNothing_AndAStopEndsTheWarmUp()
    {
        Assert.Equal(0, ReplicaWarmup.Warm(_folder, long.MaxValue, CancellationToken.None).Files);

        File.WriteAllBytes(Path.Combine(_folder, "chain" + NodeContext.ReplicaSuffix), new byte[100]);
        Assert.Throws<OperationCanceledException>(() => ReplicaWarmup.Warm(_folder, long.MaxValue, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void ANegativeBudgetIsRefusedAtStart_ZeroTurnsItOff_UnsetMeansHalfTheMemory()
    {
        OrleansConfigurationException error = Assert.Throws<OrleansConfigurationException>(() =>
            new NodeOptionsValidator(Options.Create(new NodeOptions { ReplicaWarmupBytes = -1 })).ValidateConfiguration());
        Assert.StartsWith("NodeOptions.ReplicaWarmupBytes must be 0 (off) or more", error.Message, StringComparison.Ordinal);
        Assert.Contains("got -1", error.Message, StringComparison.Ordinal);

        new NodeOptionsValidator(Options.Create(new NodeOptions { ReplicaWarmupBytes = 0 })).ValidateConfiguration();
        Assert.Null(new NodeOptions().ReplicaWarmupBytes);
    }

    [Fact]
    public async Task ANodeWarmsItsReplicasWhenItStarts()
    {
        WarmupLog log = new();
        await using EmbeddedNode node = new(new Dictionary<string, string?>()) { ConfigureServices = services => services.AddSingleton<ILoggerProvider>(log) };
        string replicas = Path.Combine(node.DataDirectory, "replicas");
        Directory.CreateDirectory(replicas);
        File.WriteAllBytes(Path.Combine(replicas, "chain" + NodeContext.ReplicaSuffix), new byte[8_192]);

        await node.StartAsync("--block-source", "none");

        string line = await log.Reported.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(
            OperatingSystem.IsLinux() ? "read-ahead asked for 1 replicas (8192 B)" : "this platform takes no read-ahead hint",
            line,
            StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Catches the warm-up's one report line.</summary>
    private sealed class WarmupLog : ILoggerProvider, ILogger
    {
        public TaskCompletionSource<string> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => categoryName.EndsWith(nameof(ReplicaWarmup), StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Reported.TrySetResult(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
