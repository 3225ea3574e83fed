// SPDX-License-Identifier: MIT
//  Continuous VDF — docs/protocol.md §6 §4 and §7; one per prover, absorbs each block's global root, signed chained checkpoints.

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// A prover's long-running VDF. The owner gives it a dedicated thread that calls <see cref="Run"/>
/// (or steps it with <see cref="Advance"/>); any other thread may call <see cref="Absorb"/> and
/// <see cref="Snapshot"/>. Iterations run in batches of at most <see cref="BatchIterations"/>; after
/// each batch the roots queued by <see cref="Absorb"/> are folded in at the current iteration count
/// and the new point is published, so a snapshot is never older than one batch (a few milliseconds).
/// Every <c>checkpointInterval</c> iterations a signed checkpoint is made that links the previous
/// one and lists the roots absorbed since. <see cref="Resume"/> continues from a checkpoint after a
/// failover and immediately emits a restart checkpoint with the restart counter raised.
/// </summary>
public sealed class ContinuousVdf
{
    /// <summary>Most iterations between two publications of the point.</summary>
    public const ulong BatchIterations = 4096;

    private readonly VdfBuffer _buffer;
    private readonly NodeKey _key;
    private readonly ulong _checkpointInterval;
    private readonly Action<VdfCheckpoint>? _onCheckpoint;
    private readonly Lock _lock = new();
    private readonly List<Hash32> _pending = [];
    private readonly List<VdfAbsorption> _sinceCheckpoint = [];

    // Owned by the evaluator thread.
    private Hash32 _state;
    private ulong _iterations;
    private ulong _nextCheckpointAt;
    private VdfCheckpoint _last;
    private ulong _absorbedTotal;
    private int _advancing;

    // Shared, under _lock.
    private VdfSnapshot _published;
    private VdfCheckpoint _latest;

    private ContinuousVdf(VdfBuffer buffer, NodeKey key, ulong checkpointInterval, Action<VdfCheckpoint>? onCheckpoint, VdfCheckpoint first)
    {
        _buffer = buffer;
        _key = key;
        _checkpointInterval = checkpointInterval;
        _onCheckpoint = onCheckpoint;
        _state = first.Point.State;
        _iterations = first.Point.Iterations;
        _nextCheckpointAt = checked(_iterations + checkpointInterval);
        _last = first;
        _latest = first;
        _published = new VdfSnapshot(_iterations, _state, 0, first.RestartCount);
        onCheckpoint?.Invoke(first);
    }

    /// <summary>The buffer this evaluator reads.</summary>
    public VdfBuffer Buffer => _buffer;

    /// <summary>The most recent signed checkpoint (thread-safe).</summary>
    public VdfCheckpoint LatestCheckpoint
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>
    /// Starts a new chain at iteration 0 from <see cref="VdfFunction.InitialState"/> of the buffer's
    /// seed and emits the genesis checkpoint (sequence 0) to <paramref name="onCheckpoint"/>.
    /// </summary>
    /// <param name="buffer">The prover's buffer (seed from <see cref="VdfFunction.DeriveSeed"/>).</param>
    /// <param name="key">The prover's node key; signs every checkpoint.</param>
    /// <param name="checkpointInterval">Iterations between checkpoints (the segment length verifiers re-execute).</param>
    /// <param name="onCheckpoint">Called with each new checkpoint, on the thread that made it.</param>
    public static ContinuousVdf Start(VdfBuffer buffer, NodeKey key, ulong checkpointInterval, Action<VdfCheckpoint>? onCheckpoint = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(key);
        ValidateInterval(checkpointInterval);
        var genesis = VdfCheckpoint.Create(buffer.Log2Bytes, buffer.Seed, 0, Hash32.Zero, 0,
            new VdfPoint(0, VdfFunction.InitialState(buffer.Seed)), [], key);
        return new ContinuousVdf(buffer, key, checkpointInterval, onCheckpoint, genesis);
    }

    /// <summary>
    /// Resumes a chain from <paramref name="from"/> (the last durable checkpoint, this prover's own)
    /// and emits a restart checkpoint at the same point with <see cref="VdfCheckpoint.RestartCount"/>
    /// one higher, so the failover is visible to every verifier of the chain. States published after
    /// <paramref name="from"/> by the previous evaluator are abandoned; roots absorbed by it after
    /// <paramref name="from"/> must be absorbed again.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is for another buffer or not signed by <paramref name="key"/>.</exception>
    public static ContinuousVdf Resume(VdfBuffer buffer, NodeKey key, VdfCheckpoint from, ulong checkpointInterval, Action<VdfCheckpoint>? onCheckpoint = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(from);
        ValidateInterval(checkpointInterval);
        if (!buffer.Matches(from.Seed, from.Log2BufferBytes))
        {
            throw Error.Invalid(nameof(from), "it belongs to a VDF with another seed or buffer size than the buffer's.");
        }

        if (!from.VerifySignature(key.PublicKey))
        {
            throw Error.Invalid(nameof(from), "its signature does not verify under this node key.");
        }

        var restart = VdfCheckpoint.Create(from.Log2BufferBytes, from.Seed, checked(from.Sequence + 1), from.ComputeHash(),
            checked(from.RestartCount + 1), from.Point, [], key);
        return new ContinuousVdf(buffer, key, checkpointInterval, onCheckpoint, restart);
    }

    /// <summary>Queues a root (a block's global root) to be absorbed after the current batch. Thread-safe.</summary>
    public void Absorb(Hash32 root)
    {
        lock (_lock)
        {
            _pending.Add(root);
        }
    }

    /// <summary>The last published point, total absorbed roots and restart counter. Thread-safe.</summary>
    public VdfSnapshot Snapshot()
    {
        lock (_lock)
        {
            return _published;
        }
    }

    /// <summary>
    /// Runs <paramref name="iterations"/> more iterations on the calling thread, absorbing queued roots
    /// and publishing the point after every batch and making checkpoints when due.
    /// Only one thread may advance an instance at a time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is 0.</exception>
    /// <exception cref="InvalidOperationException">Another thread is advancing this instance.</exception>
    public void Advance(ulong iterations)
    {
        if (iterations == 0)
        {
            throw Error.OutOfRange(nameof(iterations), iterations, "must be at least 1");
        }

        if (Interlocked.Exchange(ref _advancing, 1) != 0)
        {
            throw new InvalidOperationException("ContinuousVdf is already being advanced on another thread; it has exactly one evaluator thread.");
        }

        try
        {
            ulong remaining = iterations;
            while (remaining > 0)
            {
                ulong batch = Math.Min(Math.Min(remaining, BatchIterations), _nextCheckpointAt - _iterations);
                _state = VdfFunction.Iterate(_buffer, _state, _iterations, batch);
                _iterations += batch;
                remaining -= batch;
                Publish();
                if (_iterations == _nextCheckpointAt || _sinceCheckpoint.Count == VdfCheckpoint.MaxAbsorptions)
                {
                    MakeCheckpoint();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _advancing, 0);
        }
    }

    /// <summary>Advances batch by batch until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Advance(BatchIterations);
        }
    }

    private void Publish()
    {
        lock (_lock)
        {
            // A checkpoint holds at most MaxAbsorptions roots: the rest wait for the next batch, and a full
            // list forces an early checkpoint (verifiers do not assume checkpoints sit on the interval).
            int take = Math.Min(_pending.Count, VdfCheckpoint.MaxAbsorptions - _sinceCheckpoint.Count);
            for (int i = 0; i < take; i++)
            {
                _state = VdfFunction.Absorb(_state, _pending[i], _iterations);
                _sinceCheckpoint.Add(new VdfAbsorption(_iterations, _pending[i]));
                _absorbedTotal++;
            }

            _pending.RemoveRange(0, take);
            _published = new VdfSnapshot(_iterations, _state, _absorbedTotal, _last.RestartCount);
        }
    }

    private void MakeCheckpoint()
    {
        VdfCheckpoint checkpoint = VdfCheckpoint.Create(_buffer.Log2Bytes, _buffer.Seed, checked(_last.Sequence + 1), _last.ComputeHash(),
            _last.RestartCount, new VdfPoint(_iterations, _state), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_sinceCheckpoint), _key);
        _sinceCheckpoint.Clear();
        _last = checkpoint;
        _nextCheckpointAt = checked(_iterations + _checkpointInterval);
        lock (_lock)
        {
            _latest = checkpoint;
        }

        _onCheckpoint?.Invoke(checkpoint);
    }

    private static void ValidateInterval(ulong checkpointInterval)
    {
        if (checkpointInterval == 0)
        {
            throw Error.OutOfRange(nameof(checkpointInterval), checkpointInterval, "must be at least 1");
        }
    }
}
