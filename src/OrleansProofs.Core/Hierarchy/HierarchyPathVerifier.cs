// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Verifies a <see cref="HierarchyPath"/> by recomputing everything from public data: the chain
/// leaf from (chain id, height, commitment), the group's Merkle root, seed and iterated hash, the
/// same for the region and the global root, which must equal the expected (signed) global root.
/// Nothing in the path is trusted. Allocates nothing.
/// </summary>
public static class HierarchyPathVerifier
{
    /// <summary>Verifies under <see cref="HierarchyParameters.Default"/>.</summary>
    public static HierarchyVerificationResult Verify(
        HierarchyPath path, in Hash32 chainId, ulong height, in Hash32 commitment, in Hash32 expectedGlobalRoot) =>
        Verify(path, chainId, height, commitment, expectedGlobalRoot, HierarchyParameters.Default);

    /// <summary>
    /// Verifies that <paramref name="path"/> proves <paramref name="chainId"/>'s
    /// <paramref name="commitment"/> at <paramref name="height"/> under <paramref name="expectedGlobalRoot"/>,
    /// with the network's <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="parameters"/> is null.</exception>
    public static HierarchyVerificationResult Verify(
        HierarchyPath path,
        in Hash32 chainId,
        ulong height,
        in Hash32 commitment,
        in Hash32 expectedGlobalRoot,
        HierarchyParameters parameters)
    {
        HierarchyVerificationResult computed = TryComputeGlobalRoot(path, chainId, height, commitment, parameters, out Hash32 globalRoot);
        if (!computed.IsValid)
        {
            return computed;
        }

        return globalRoot == expectedGlobalRoot
            ? computed
            : HierarchyVerificationResult.Fail(HierarchyFailure.GlobalRootMismatch, 0, 0, globalRoot);
    }

    /// <summary>
    /// Checks the path's shape against <paramref name="parameters"/> and recomputes the global root it
    /// leads to from the chain's commitment — for proofs that carry no global root and instead check
    /// the prover's signature over the recomputed one. <paramref name="globalRoot"/> is set only when valid.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="parameters"/> is null.</exception>
    public static HierarchyVerificationResult TryComputeGlobalRoot(
        HierarchyPath path,
        in Hash32 chainId,
        ulong height,
        in Hash32 commitment,
        HierarchyParameters parameters,
        out Hash32 globalRoot) =>
        TryComputeGlobalRoot(path, chainId, height, commitment, parameters, cache: null, out globalRoot);

    /// <summary>
    /// <see cref="TryComputeGlobalRoot(HierarchyPath, in Hash32, ulong, in Hash32, HierarchyParameters, out Hash32)"/>
    /// with the iterated hashes taken from <paramref name="cache"/> when it already computed them (the
    /// Merkle levels are always recomputed; only the pure, deterministic iterated hash is remembered).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="parameters"/> is null.</exception>
    public static HierarchyVerificationResult TryComputeGlobalRoot(
        HierarchyPath path,
        in Hash32 chainId,
        ulong height,
        in Hash32 commitment,
        HierarchyParameters parameters,
        IteratedHashCache? cache,
        out Hash32 globalRoot)
    {
        globalRoot = default;
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parameters);

        if (path.Height != height)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.HeightMismatch, path.Height, height);
        }

        if (path.MemberCount > (uint)parameters.ChainsPerGroup)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.MemberCountOverCapacity, path.MemberCount, (ulong)parameters.ChainsPerGroup);
        }

        if (path.GroupCount > (uint)parameters.GroupsPerRegion)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.GroupCountOverCapacity, path.GroupCount, (ulong)parameters.GroupsPerRegion);
        }

        uint regionOfGroup = path.GroupId / (uint)parameters.GroupsPerRegion;
        if (regionOfGroup != path.RegionId)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.RegionMismatch, regionOfGroup, path.RegionId);
        }

        // Every other group of the region and every other region holds at least one chain; no region
        // holds more than GroupsPerRegion full groups.
        ulong minimum = (ulong)path.MemberCount + (path.GroupCount - 1) + (path.RegionCount - 1);
        if (path.TotalChains < minimum)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.TotalChainsInconsistent, path.TotalChains, minimum);
        }

        UInt128 maximum = (UInt128)path.RegionCount * (ulong)parameters.GroupsPerRegion * (ulong)parameters.ChainsPerGroup;
        if (path.TotalChains > maximum)
        {
            return HierarchyVerificationResult.Fail(HierarchyFailure.TotalChainsInconsistent, path.TotalChains, (ulong)maximum);
        }

        Hash32 leaf = ChainLeaf.Compute(chainId, height, commitment);
        bool shaped = MerkleTree.TryComputeRootFromPath(leaf, path.LeafIndex, path.MemberCount, path.MemberPath, out Hash32 membersRoot);
        Hash32 groupRoot = Iterate(cache,
            GroupRoot.ComputeSeed(path.GroupId, height, path.MemberCount, membersRoot), parameters.GroupIterations);

        shaped &= MerkleTree.TryComputeRootFromPath(groupRoot, path.GroupIndex, path.GroupCount, path.GroupPath, out Hash32 groupsRoot);
        Hash32 regionRoot = Iterate(cache,
            RegionRoot.ComputeSeed(path.RegionId, height, path.GroupCount, groupsRoot), parameters.RegionIterations);

        shaped &= MerkleTree.TryComputeRootFromPath(regionRoot, path.RegionIndex, path.RegionCount, path.RegionPath, out Hash32 regionsRoot);
        Hash32 computedRoot = Iterate(cache,
            GlobalRoot.ComputeSeed(height, path.BlockHash, path.PreviousGlobalRoot, path.TotalChains, path.RegionCount, regionsRoot),
            parameters.GlobalIterations);

        // HierarchyPath's constructor guarantees every (index, count, path) is well-shaped.
        Debug.Assert(shaped, "HierarchyPath invariants make every level's path well-shaped.");
        globalRoot = computedRoot;
        return HierarchyVerificationResult.Valid(computedRoot);
    }

    private static Hash32 Iterate(IteratedHashCache? cache, in Hash32 seed, int iterations) =>
        cache is null ? IteratedHash.Compute(seed, iterations) : cache.Compute(seed, iterations);
}
