using Quartz;
using Quartz.Spi;

namespace ProbeDashboard.Probing;

/// <summary>Lets Quartz take its jobs from DI (the Quartz DI extensions are not available here).
/// Jobs are stateless singletons, so nothing is created per fire.</summary>
public sealed class ServiceProviderJobFactory(IServiceProvider services) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
        (IJob)services.GetRequiredService(bundle.JobDetail.JobType);

    public void ReturnJob(IJob job)
    {
    }
}
