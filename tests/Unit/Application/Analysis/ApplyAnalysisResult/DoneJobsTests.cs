using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Domain;

namespace AppBackend.UnitTests.Application.Analysis.ApplyAnalysisResult;

/// <summary>The done jobs an instance remembers: only done ones, and a bounded number, the newest kept.</summary>
public class DoneJobsTests
{
    private readonly ApplicationScenario _scenario = Given.Application(ApplicationStatus.AnalysisFailed, questionCount: 3);

    [Fact]
    public void RememberIfDone_ADoneJob_IsRemembered_AFailedOrProcessingOneIsNot()
    {
        var doneJobs = new DoneJobs();
        var processing = Given.Application(ApplicationStatus.AwaitingAiAnalysis);

        doneJobs.RememberIfDone(_scenario.Application, DoneJob(1));
        doneJobs.RememberIfDone(_scenario.Application, _scenario.Video(0).JobId!);
        doneJobs.RememberIfDone(processing.Application, processing.Video(0).JobId!);

        doneJobs.Contains(DoneJob(1)).Should().BeTrue();
        doneJobs.Contains(_scenario.Video(0).JobId!).Should().BeFalse();
        doneJobs.Contains(processing.Video(0).JobId!).Should().BeFalse();
    }

    [Fact]
    public void RememberIfDone_PastTwoGenerations_ForgetsTheOldestGeneration()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed, questionCount: 6);
        var jobs = Enumerable.Range(1, 5).Select(i => scenario.Video(i).JobId!).ToList();
        var doneJobs = new DoneJobs(generation: 2);

        foreach (var job in jobs)
        {
            doneJobs.RememberIfDone(scenario.Application, job);
        }

        jobs.Select(doneJobs.Contains).Should().Equal(false, false, true, true, true);
    }

    private string DoneJob(int index) => _scenario.Video(index).JobId!;
}
