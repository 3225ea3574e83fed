// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hierarchy;

/// <summary>How many chains a group currently holds.</summary>
/// <param name="GroupId">The group's id.</param>
/// <param name="MemberCount">Its current number of member chains (0 to the group capacity).</param>
public readonly record struct GroupOccupancy(uint GroupId, int MemberCount);
