// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Challenges;

/// <summary>The first check an availability answer failed (<see cref="AvailabilityVerifier"/>), in the order they run.</summary>
public enum AvailabilityFailure
{
    /// <summary>Every check passed.</summary>
    None = 0,

    /// <summary>The registration the verifier holds cannot contain the index (the challenge itself is out of range).</summary>
    IndexOutOfRange = 1,

    /// <summary>The answer is about another chain or another chunk index than the challenge.</summary>
    WrongTarget = 2,

    /// <summary>The chunk is not 4,096 bytes, or the path's length is not the one the index and chunk count give.</summary>
    Malformed = 3,

    /// <summary>The chunk's leaf hash does not lead through the path to the registered replica root: not the stored chunk.</summary>
    WrongChunk = 4,

    /// <summary>The binding is not the one over this challenge's nonce and these bytes: a replayed or forged answer.</summary>
    WrongBinding = 5,
}
