using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Tests.Cluster;

public sealed class ClusterNodeTests
{
    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("gpu,cpu", "gpu cpu")]
    [InlineData(" CPU , gpu ,cpu", "cpu gpu")]
    public void QueuesAreReadCommaSeparatedInLowerCaseOnceEach(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), ClusterNode.ParseQueues(text));
    }

    [Theory]
    [InlineData("cpu,tpu", "unknown queue \"tpu\": the queues are cpu and gpu")]
    [InlineData(" , ", "name at least one queue: cpu, gpu")]
    public void AnUnknownQueueOrNoneIsRefusedWithTheQueuesThereAre(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ClusterNode.ParseQueues(text)).Message);
    }

    [Fact]
    public void AWebNodeServesBothQueuesByDefaultNoneWithRunJobsOffAndTheConfiguredOnesOtherwise()
    {
        Assert.Equal(["cpu", "gpu"], ClusterEngineServiceCollectionExtensions.WebNode(new ClusterOptions { NodeName = "web-1" }, 2).Queues);
        Assert.Empty(ClusterEngineServiceCollectionExtensions.WebNode(new ClusterOptions { NodeName = "web-1", RunJobs = false }, 2).Queues);
        var gpuOnly = ClusterEngineServiceCollectionExtensions.WebNode(new ClusterOptions { NodeName = " web-2 ", Queues = ["GPU"] }, 0);
        Assert.Equal(("web-2", "gpu", 1), (gpuOnly.Name, string.Join(',', gpuOnly.Queues), gpuOnly.Concurrency));
        Assert.False(ClusterEngineServiceCollectionExtensions.WebNode(new ClusterOptions { RunJobs = false }, 1).RunsJobs);
    }

    [Theory]
    [InlineData(30, 10, 5)]
    [InlineData(3, 1, 1)]
    public void ALeaseIsRenewedThreeTimesPerLengthAndSweptAtMostEveryFiveSeconds(int seconds, int renewEvery, int sweepEvery)
    {
        var lease = LeaseSettings.FromSeconds(seconds);

        Assert.Equal((TimeSpan.FromSeconds(renewEvery), TimeSpan.FromSeconds(sweepEvery)), (lease.RenewEvery, lease.SweepEvery));
    }

    [Fact]
    public void ALeaseShorterThanASecondIsRefusedNamingItsSetting()
    {
        Assert.Equal("TumorWeb:Cluster:LeaseSeconds must be at least 1 (got 0)", Assert.Throws<ArgumentException>(() => LeaseSettings.FromSeconds(0)).Message);
    }

    [Fact]
    public void ABuiltNodeKeepsAtLeastEightPoolThreadsForHangfiresSynchronousHandOver()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-floor-").FullName;
        try
        {
            using var worker = WorkerHost.Build(new WorkerSettings(["cpu"]),
                ["--TumorWeb:Cluster:PostgreSql=Host=127.0.0.1;Database=never_opened", $"--TumorWeb:DataDirectory={data}"]);

            ThreadPool.GetMinThreads(out var threads, out _);
            Assert.True(threads >= ThreadPoolFloor.MinimumThreads, $"the pool keeps {threads} threads ready");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
