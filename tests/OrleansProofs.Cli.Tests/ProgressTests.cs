// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli.Tests;

/// <summary>
/// Verifies the progress pieces: the bar's rendering (percentage, clamping, timed phase), that a
/// disabled bar writes nothing (so captured stderr stays clean), that an enabled bar draws and then
/// clears its line, and that <see cref="ProgressReadStream"/> passes bytes through while reporting positions.
/// </summary>
public sealed class ProgressTests
{
    [Theory]
    [InlineData(0, 200, "verifying [..............................]   0% 1:05")]
    [InlineData(100, 200, "verifying [###############...............]  50% 1:05")]
    [InlineData(199, 200, "verifying [#############################.] 100% 1:05")]
    [InlineData(200, 200, "verifying [##############################] 100% 1:05")]
    [InlineData(500, 200, "verifying [##############################] 100% 1:05")]
    [InlineData(0, 0, "verifying … 1:05")]
    public void Render_ShowsBarPercentageAndTime(long done, long total, string expected)
    {
        Assert.Equal(expected, ProgressBar.Render("verifying", done, total, TimeSpan.FromSeconds(65)));
    }

    [Fact]
    public void TimedPhase_FillsWithElapsedTime()
    {
        using StringWriter writer = new();
        using ProgressBar bar = new(writer, "building", enabled: false);

        bar.SetTimedPhase("iterating", TimeSpan.FromHours(1));
        Assert.StartsWith("iterating [..............................]   0% ", bar.Render(), StringComparison.Ordinal);

        bar.SetTimedPhase("iterating", TimeSpan.FromMilliseconds(1));
        Thread.Sleep(20);
        Assert.StartsWith("iterating [##############################] 100% ", bar.Render(), StringComparison.Ordinal);

        bar.SetPhase("next");
        Assert.StartsWith("next … ", bar.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledBar_WritesNothing()
    {
        using StringWriter writer = new();
        using (ProgressBar bar = new(writer, "work", enabled: false))
        {
            bar.Report(5, 10);
            bar.SetPhase("more work");
            Thread.Sleep(300);
        }

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void EnabledBar_DrawsAndClearsItsLine()
    {
        using StringWriter writer = new();
        using (ProgressBar bar = new(writer, "work", enabled: true))
        {
            bar.Report(3, 4);
            SpinWait.SpinUntil(() => writer.ToString().Contains("75%", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        }

        string written = writer.ToString();
        Assert.Contains("\rwork [######################........]  75%", written, StringComparison.Ordinal);
        Assert.EndsWith("\r", written, StringComparison.Ordinal);
        string lastLine = written.TrimEnd('\r').Split('\r')[^1];
        Assert.True(lastLine.Trim().Length == 0, $"the last write must blank the line, got '{lastLine}'");
    }

    [Fact]
    public void ProgressReadStream_PassesBytesThroughAndReportsPositions()
    {
        byte[] content = new byte[10_000];
        new Random(1).NextBytes(content);
        List<long> positions = [];
        using ProgressReadStream stream = new(new MemoryStream(content), positions.Add);

        byte[] copy = new byte[content.Length];
        stream.ReadExactly(copy.AsSpan(0, 4000));
        stream.ReadExactly(copy, 4000, 6000);

        Assert.Equal(content, copy);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal([4000L, 10_000L], positions);
    }
}
