using ProbeDashboard.Core.Cluster;

namespace ProbeDashboard.Tests.Cluster;

public class RendezvousHashTests
{
    private static readonly ulong[] Three = [.. Enumerable.Range(0, 3).Select(_ => RendezvousHash.Seed(Guid.NewGuid()))];

    private static int[] Owners(ReadOnlySpan<ulong> seeds, int monitors)
    {
        var owners = new int[monitors];
        for (var id = 1; id <= monitors; id++) owners[id - 1] = RendezvousHash.Owner(seeds, id, 1);
        return owners;
    }

    [Fact]
    public void Rounds_are_shared_evenly_over_the_nodes()
    {
        var owners = Owners(Three, 30_000);
        foreach (var node in Enumerable.Range(0, 3))
            Assert.InRange(owners.Count(o => o == node), 9_000, 11_000);
    }

    [Fact]
    public void When_a_node_leaves_only_its_rounds_move_and_they_spread_over_the_others()
    {
        var before = Owners(Three, 30_000);
        var after = Owners(Three.AsSpan(0, 2), 30_000);
        for (var i = 0; i < before.Length; i++)
            if (before[i] != 2) Assert.Equal(before[i], after[i]);
        var moved = Enumerable.Range(0, before.Length).Where(i => before[i] == 2).Select(i => after[i]).ToList();
        Assert.InRange(moved.Count(o => o == 0), moved.Count * 4 / 10, moved.Count * 6 / 10);
    }

    [Fact]
    public void A_joining_node_takes_an_even_share_and_nothing_else_moves()
    {
        var four = Three.Append(RendezvousHash.Seed(Guid.NewGuid())).ToArray();
        var before = Owners(Three, 20_000);
        var after = Owners(four, 20_000);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.All(changed, i => Assert.Equal(3, after[i]));
        Assert.InRange(changed.Count, 4_000, 6_000);
    }

    [Fact]
    public void The_same_node_id_gives_the_same_seed_in_every_process()
    {
        // Guid bytes and fixed arithmetic only: nothing process-randomised like string.GetHashCode.
        Assert.Equal(RendezvousHash.Seed(Guid.Parse("0b8f3a52-1c1e-4a55-9d7e-2f6b0c1a9e01")),
            RendezvousHash.Seed(Guid.Parse("0b8f3a52-1c1e-4a55-9d7e-2f6b0c1a9e01")));
        Assert.NotEqual(RendezvousHash.Seed(Guid.Parse("0b8f3a52-1c1e-4a55-9d7e-2f6b0c1a9e01")),
            RendezvousHash.Seed(Guid.Parse("0b8f3a52-1c1e-4a55-9d7e-2f6b0c1a9e02")));
        Assert.Equal(-1, RendezvousHash.Owner([], 1, 1));
    }
}
