// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;

namespace OrleansProofs.Cli;

/// <summary>
/// A dependency-free one-line progress bar on stderr. Work reports progress with
/// <see cref="Report"/> (a field store, cheap enough for a per-record loop); a timer draws the line
/// from half a second in (work that ends sooner never shows a bar) and redraws it four times a
/// second, so the bar also shows elapsed time while the work is in a phase that cannot report
/// (<see cref="SetPhase"/>), or fills with time for work of a known duration (<see cref="SetTimedPhase"/>).
/// Inert when disabled: nothing is ever written.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int BarWidth = 30;
    private static readonly TimeSpan FirstDrawDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private string _label;
    private long _done;
    private long _total;
    private long _timedPhaseStartTicks;
    private long _timedPhaseTicks;
    private int _lastWidth;
    private bool _disposed;

    /// <summary>Creates the bar; when <paramref name="enabled"/> it draws on <paramref name="writer"/> until disposed.</summary>
    public ProgressBar(TextWriter writer, string label, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(label);
        _writer = writer;
        _label = label;
        Enabled = enabled;
        if (enabled)
        {
            _timer = new Timer(_ => Redraw(), null, FirstDrawDelay, RedrawInterval);
        }
    }

    /// <summary>True when the bar draws.</summary>
    public bool Enabled { get; }

    /// <summary>Sets the completed amount of the current phase (0..total).</summary>
    public void Report(long done, long total)
    {
        Volatile.Write(ref _timedPhaseTicks, 0);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, done);
    }

    /// <summary>Starts a new phase with <paramref name="label"/>; until the next <see cref="Report"/> it shows elapsed time only.</summary>
    public void SetPhase(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        lock (_lock)
        {
            _label = label;
            Volatile.Write(ref _timedPhaseTicks, 0);
            Volatile.Write(ref _total, 0);
            Volatile.Write(ref _done, 0);
        }
    }

    /// <summary>
    /// Starts a phase of about <paramref name="expected"/> duration whose bar fills with elapsed time
    /// (for work that runs for a set time and cannot report, such as a timed measurement).
    /// </summary>
    public void SetTimedPhase(string label, TimeSpan expected)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expected, TimeSpan.Zero);
        lock (_lock)
        {
            _label = label;
            Volatile.Write(ref _total, 0);
            Volatile.Write(ref _done, 0);
            Volatile.Write(ref _timedPhaseStartTicks, _elapsed.Elapsed.Ticks);
            Volatile.Write(ref _timedPhaseTicks, expected.Ticks);
        }
    }

    /// <summary>The line the bar shows now (without the carriage return).</summary>
    public string Render()
    {
        TimeSpan elapsed = _elapsed.Elapsed;
        long timedTicks = Volatile.Read(ref _timedPhaseTicks);
        return timedTicks > 0
            ? Render(_label, elapsed.Ticks - Volatile.Read(ref _timedPhaseStartTicks), timedTicks, elapsed)
            : Render(_label, Volatile.Read(ref _done), Volatile.Read(ref _total), elapsed);
    }

    /// <summary>The line for a phase: a bar with percentage when <paramref name="total"/> is positive, else elapsed time only.</summary>
    public static string Render(string label, long done, long total, TimeSpan elapsed)
    {
        string time = elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        if (total <= 0)
        {
            return $"{label} … {time}";
        }

        double fraction = Math.Clamp((double)done / total, 0, 1);
        int filled = (int)Math.Round(fraction * BarWidth, MidpointRounding.ToZero);
        string bar = new string('#', filled) + new string('.', BarWidth - filled);
        return string.Create(CultureInfo.InvariantCulture, $"{label} [{bar}] {fraction * 100,3:0}% {time}");
    }

    /// <summary>Stops redrawing and clears the line.</summary>
    public void Dispose()
    {
        if (_timer is not null)
        {
            using ManualResetEvent stopped = new(false);
            if (_timer.Dispose(stopped))
            {
                stopped.WaitOne();
            }

            // A busy machine can starve the timer: work that ran past the first-draw delay still
            // shows its bar once, so what a user sees does not depend on thread-pool scheduling.
            if (_lastWidth == 0 && _elapsed.Elapsed >= FirstDrawDelay)
            {
                Redraw();
            }
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (Enabled && _lastWidth > 0)
            {
                _writer.Write('\r' + new string(' ', _lastWidth) + '\r');
                _writer.Flush();
            }
        }
    }

    private void Redraw()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            string line = Render();
            string padding = line.Length < _lastWidth ? new string(' ', _lastWidth - line.Length) : string.Empty;
            _writer.Write('\r' + line + padding);
            _writer.Flush();
            _lastWidth = Math.Max(_lastWidth, line.Length);
        }
    }
}
