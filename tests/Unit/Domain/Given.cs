using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

/// <summary>Applications in a chosen status, reached through the real transitions.</summary>
internal static class Given
{
    /// <summary>
    /// An application in <paramref name="status"/>. Draft has every question answered; awaiting_ai_analysis has
    /// every video processing; analysis_failed has video 0 failed and the others done.
    /// </summary>
    public static ApplicationScenario Application(ApplicationStatus status, int questionCount = 2)
    {
        var scenario = ApplicationScenario.Start(questionCount).AnswerAll();
        switch (status)
        {
            case ApplicationStatus.Draft:
                break;
            case ApplicationStatus.Queued:
                scenario.Submit();
                break;
            case ApplicationStatus.AwaitingAiAnalysis:
                scenario.Submit().Dispatch();
                break;
            case ApplicationStatus.Completed:
                scenario.Submit().Dispatch().FinishAll();
                break;
            case ApplicationStatus.DispatchFailed:
                scenario.Submit().FailDispatch();
                break;
            case ApplicationStatus.AnalysisFailed:
                scenario.Submit().Dispatch().Fail(0);
                for (var i = 1; i < questionCount; i++)
                {
                    scenario.Finish(i);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        return scenario.Expect(status);
    }

    /// <summary>Every application status except <paramref name="excluded"/>, as theory data.</summary>
    public static TheoryData<ApplicationStatus> StatusesExcept(params ApplicationStatus[] excluded)
    {
        var data = new TheoryData<ApplicationStatus>();
        foreach (var status in Enum.GetValues<ApplicationStatus>().Except(excluded))
        {
            data.Add(status);
        }

        return data;
    }
}
