using Coordinator.Actors.Retry;

namespace Coordinator.Actors.Tests;

public sealed class BackoffPolicySpec
{
    [Theory]
    [InlineData(0, 0.0, 2)]
    [InlineData(1, 0.0, 4)]
    [InlineData(3, 0.0, 16)]
    [InlineData(4, 0.0, 30)]
    [InlineData(10, 0.0, 30)]
    [InlineData(0, 0.5, 2.2)]
    [InlineData(10, 0.999, 35.994)]
    public void Delay_follows_min_of_max_and_min_times_two_to_the_n_times_jitter(int retry, double random, double expectedSeconds)
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 0.2, () => random);

        Assert.Equal(expectedSeconds, policy.Delay(retry).TotalSeconds, precision: 3);
    }
}
