// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Parameters;

/// <summary>One line of the detection table (<see cref="SecurityCalculator.DetectionTable"/>).</summary>
/// <param name="Profile">Profile name.</param>
/// <param name="ChunksPerBlock">k, chunks selected per block.</param>
/// <param name="MissingFraction">f, the fraction of chunks the cheater does not hold.</param>
/// <param name="SurvivalPerBlock">(1 − f)^k: chance to pass one block.</param>
/// <param name="Log2SurvivalPerProofWindow">log2 of the chance to pass a whole proof window.</param>
/// <param name="BlocksTo2Pow40">Fewest blocks after which the cheater survives with probability ≤ 2^-40.</param>
/// <param name="TimeTo2Pow40">Those blocks at the profile's block time.</param>
public sealed record DetectionRow(
    string Profile,
    int ChunksPerBlock,
    double MissingFraction,
    double SurvivalPerBlock,
    double Log2SurvivalPerProofWindow,
    long BlocksTo2Pow40,
    TimeSpan TimeTo2Pow40);
