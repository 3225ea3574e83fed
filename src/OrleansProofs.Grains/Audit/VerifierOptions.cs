// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// What a verifier audits and how (configuration section <c>OrleansProofs:Verifier</c>); read only when
/// <see cref="NodeOptions.Role"/> is "verifier" or "both", and then validated when the silo starts.
/// </summary>
public sealed class VerifierOptions
{
    /// <summary>Gets the provers to audit: each one's gateway URL and public key. Default: none (a verifier needs at least one).</summary>
    public List<AuditedProver> Provers { get; } = [];

    /// <summary>
    /// Gets or sets how many failures (availability failures, invalid block records, invalid proofs) within
    /// <see cref="FailureWindowBlocks"/> blocks slash the prover's bond. Default: 10.
    /// </summary>
    public int FailureThreshold { get; set; } = 10;

    /// <summary>Gets or sets the window, in blocks, in which failures count towards <see cref="FailureThreshold"/>. Default: 100.</summary>
    public int FailureWindowBlocks { get; set; } = 100;

    /// <summary>Gets or sets how many of the prover's chains have their compact proof fetched and verified per block. Default: 2.</summary>
    public int ProofSamplesPerBlock { get; set; } = 2;

    /// <summary>
    /// Gets or sets how many VDF segments between two consecutive block records the verifier re-executes
    /// (Core's <c>VdfBlockSeparation</c>, over the prover's signed checkpoints); 0 switches the VDF check
    /// off. Re-execution needs a buffer of the prover's VDF memory (256 MiB standard). Default: 2.
    /// </summary>
    public int VdfSegmentsPerBlock { get; set; } = 2;

    /// <summary>
    /// Gets or sets how long the verifier waits for an availability answer before it gives up (it must exceed the
    /// profile's deadline, so an answer that is late but arrives is recorded as late rather than missing). Default: 2 s.
    /// </summary>
    public TimeSpan ChallengeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the timeout of every other request to a prover gateway. Default: 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long the verifier waits for the prover's record of a block it has itself (the prover
    /// may be a moment behind) before recording it as missing. Default: 4 s.
    /// </summary>
    public TimeSpan BlockRecordWait { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Gets or sets how often the audit loop looks for a new block of the node's own chain. Default: 200 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets how many signed reports each prover's audit keeps (the newest). Default: 256.</summary>
    public int ReportsKept { get; set; } = 256;

    /// <summary>
    /// Gets the peer verifiers asked to time latency probes from where they stand (each one's gateway URL and
    /// public key; their measurements must verify under it). The verifier is itself one vantage point, so a
    /// latency verdict needs at least the profile's LatencyVantagePoints − 1 peers (dev and standard: 2).
    /// A peer times probes only for requesters it lists here in turn. Default: none.
    /// </summary>
    public List<LatencyPeer> LatencyPeers { get; } = [];

    /// <summary>
    /// Gets or sets how many data-dependent latency probes are timed per audited block, spread round-robin
    /// over the vantage points (this verifier and <see cref="LatencyPeers"/>); 0 switches latency checks off. Default: 3.
    /// </summary>
    public int LatencyProbesPerBlock { get; set; } = 3;

    /// <summary>Gets or sets how many samples a latency verdict needs at least (fewer: "insufficient", no failure). Default: 10.</summary>
    public int LatencyMinSamples { get; set; } = 10;

    /// <summary>Gets or sets how many of the most recent samples a latency verdict is computed over (at least <see cref="LatencyMinSamples"/>). Default: 30.</summary>
    public int LatencyWindowSamples { get; set; } = 30;
}

/// <summary>A peer verifier that times latency probes for this one.</summary>
public sealed class LatencyPeer
{
    /// <summary>Gets or sets the peer gateway's base URL (http or https).</summary>
    public string Gateway { get; set; } = string.Empty;

    /// <summary>Gets or sets the peer's Ed25519 node key, 64 hex characters (its measurements must verify under it).</summary>
    public string PublicKey { get; set; } = string.Empty;
}

/// <summary>One prover a verifier audits.</summary>
public sealed class AuditedProver
{
    /// <summary>Gets or sets the prover gateway's base URL (http or https), e.g. "http://prover.example:8080/".</summary>
    public string Gateway { get; set; } = string.Empty;

    /// <summary>Gets or sets the prover's Ed25519 public key, 64 hex characters (its node key; block records must verify under it).</summary>
    public string PublicKey { get; set; } = string.Empty;
}

/// <summary>Checks <see cref="VerifierOptions"/> when the silo starts, if the node verifies; each message names the option and the rule.</summary>
internal sealed class VerifierOptionsValidator(IOptions<VerifierOptions> options, IOptions<NodeOptions> node) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        if (!NodeRoles.Verifies(node.Value.Role))
        {
            return;
        }

        VerifierOptions value = options.Value;
        if (value.Provers.Count == 0)
        {
            throw new OrleansConfigurationException("VerifierOptions.Provers must list at least one prover (Gateway URL and PublicKey) when NodeOptions.Role verifies.");
        }

        HashSet<Hash32> keys = [];
        for (int i = 0; i < value.Provers.Count; i++)
        {
            AuditedProver prover = value.Provers[i];
            if (!Uri.TryCreate(prover.Gateway, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new OrleansConfigurationException($"VerifierOptions.Provers[{i}].Gateway must be an absolute http or https URL; got '{prover.Gateway}'.");
            }

            if (!Hash32.TryParse(prover.PublicKey, out Hash32 key))
            {
                throw new OrleansConfigurationException($"VerifierOptions.Provers[{i}].PublicKey must be 64 hexadecimal characters (an Ed25519 public key); got '{prover.PublicKey}'.");
            }

            if (!keys.Add(key))
            {
                throw new OrleansConfigurationException($"VerifierOptions.Provers[{i}].PublicKey {key} is listed twice; each prover is audited once.");
            }
        }

        Check(value.FailureThreshold >= 1, nameof(VerifierOptions.FailureThreshold), "must be at least 1", value.FailureThreshold);
        Check(value.FailureWindowBlocks >= 1, nameof(VerifierOptions.FailureWindowBlocks), "must be at least 1", value.FailureWindowBlocks);
        Check(value.ProofSamplesPerBlock >= 0, nameof(VerifierOptions.ProofSamplesPerBlock), "must not be negative", value.ProofSamplesPerBlock);
        Check(value.VdfSegmentsPerBlock >= 0, nameof(VerifierOptions.VdfSegmentsPerBlock), "must not be negative", value.VdfSegmentsPerBlock);
        ValidateLatency(value);
        Check(value.ReportsKept is >= 1 and <= 4096, nameof(VerifierOptions.ReportsKept), "must be between 1 and 4,096", value.ReportsKept);
        Check(value.RequestTimeout > TimeSpan.Zero, nameof(VerifierOptions.RequestTimeout), "must be positive", value.RequestTimeout);
        Check(value.BlockRecordWait >= TimeSpan.Zero, nameof(VerifierOptions.BlockRecordWait), "must not be negative", value.BlockRecordWait);
        Check(value.PollInterval > TimeSpan.Zero, nameof(VerifierOptions.PollInterval), "must be positive", value.PollInterval);
        TimeSpan deadline = (node.Value.Parameters ?? Core.Parameters.ConsensusParameters.FromName(node.Value.Profile)).AvailabilityDeadline;
        Check(value.ChallengeTimeout > deadline, nameof(VerifierOptions.ChallengeTimeout),
            $"must exceed the profile's availability deadline ({deadline.TotalMilliseconds} ms), so a late answer is seen as late", value.ChallengeTimeout);
    }

    private static void ValidateLatency(VerifierOptions value)
    {
        HashSet<Hash32> peers = [];
        for (int i = 0; i < value.LatencyPeers.Count; i++)
        {
            LatencyPeer peer = value.LatencyPeers[i];
            if (!Uri.TryCreate(peer.Gateway, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new OrleansConfigurationException($"VerifierOptions.LatencyPeers[{i}].Gateway must be an absolute http or https URL; got '{peer.Gateway}'.");
            }

            if (!Hash32.TryParse(peer.PublicKey, out Hash32 key))
            {
                throw new OrleansConfigurationException($"VerifierOptions.LatencyPeers[{i}].PublicKey must be 64 hexadecimal characters (an Ed25519 public key); got '{peer.PublicKey}'.");
            }

            if (!peers.Add(key))
            {
                throw new OrleansConfigurationException($"VerifierOptions.LatencyPeers[{i}].PublicKey {key} is listed twice; each peer is one vantage point.");
            }
        }

        Check(value.LatencyProbesPerBlock is >= 0 and <= 64, nameof(VerifierOptions.LatencyProbesPerBlock), "must be between 0 and 64", value.LatencyProbesPerBlock);
        Check(value.LatencyMinSamples is >= 1 and <= 4096, nameof(VerifierOptions.LatencyMinSamples), "must be between 1 and 4,096", value.LatencyMinSamples);
        Check(value.LatencyWindowSamples >= value.LatencyMinSamples && value.LatencyWindowSamples <= 4096, nameof(VerifierOptions.LatencyWindowSamples),
            $"must be between LatencyMinSamples ({value.LatencyMinSamples}) and 4,096", value.LatencyWindowSamples);
    }

    private static void Check(bool ok, string property, string rule, object actual)
    {
        if (!ok)
        {
            throw new OrleansConfigurationException($"VerifierOptions.{property} {rule}; got {actual}.");
        }
    }
}
