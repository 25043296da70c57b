namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// Highest-random-weight (rendezvous) hashing: a round belongs to the live node with the highest score for it. Every
/// node computes the same answer from the same member list, with no per-monitor rows; when a node leaves only its
/// rounds move (spread evenly over the others), and when one joins it takes an even share from each.
/// </summary>
public static class RendezvousHash
{
    /// <summary>A stable 64-bit seed for a node (string.GetHashCode differs per process, so it cannot be used).</summary>
    public static ulong Seed(Guid nodeId)
    {
        Span<byte> bytes = stackalloc byte[16];
        nodeId.TryWriteBytes(bytes);
        return Mix(BitConverter.ToUInt64(bytes) ^ Mix(BitConverter.ToUInt64(bytes[8..])));
    }

    public static ulong Score(ulong nodeSeed, int monitorId, int hostId) =>
        Mix(nodeSeed ^ Mix(((ulong)(uint)monitorId << 32) | (uint)hostId));

    /// <returns>The index in <paramref name="nodeSeeds"/> of the owner, or -1 when there is none.</returns>
    public static int Owner(ReadOnlySpan<ulong> nodeSeeds, int monitorId, int hostId)
    {
        var best = -1;
        var bestScore = 0UL;
        for (var i = 0; i < nodeSeeds.Length; i++)
        {
            var score = Score(nodeSeeds[i], monitorId, hostId);
            if (best < 0 || score > bestScore) (best, bestScore) = (i, score);
        }
        return best;
    }

    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
