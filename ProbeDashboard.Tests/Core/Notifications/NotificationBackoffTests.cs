using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Tests.Core.Notifications;

public class NotificationBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    public void Retries_back_off_exponentially_up_to_an_hour_by_default(int failedAttempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), NotificationDispatcher.Backoff(new NotificationOptions(), failedAttempts));
    }
}
