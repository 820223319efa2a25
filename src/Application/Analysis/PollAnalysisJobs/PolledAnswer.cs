using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using FluentValidation;

namespace AppBackend.Application.Analysis.PollAnalysisJobs;

/// <summary>
/// Reads the AI backend's answer about one job as a final result, under the same rules as a result reported to the
/// webhook: every validator of <see cref="ApplyAnalysisResultCommand"/> (its own, and those that apply to every message).
/// </summary>
public sealed class PolledAnswer(IEnumerable<IValidator<ApplyAnalysisResultCommand>> rules)
{
    /// <summary>True when the answer is final (done or failed), whether or not it is usable.</summary>
    public static bool IsFinal(JobStatusReport? report) =>
        report is { Status: ApplyAnalysisResultCommandValidator.Done or ApplyAnalysisResultCommandValidator.Failed };

    /// <summary>The result the final <paramref name="report"/> stands for, or why it cannot be applied.</summary>
    public Result<AnalysisReport> ToReport(AnalysisJobRef job, JobStatusReport report)
    {
        var command = new ApplyAnalysisResultCommand(
            job.JobId, job.VideoResponseId, report.Status, report.OverallScore, report.AiAnalysisId, report.Error);
        var broken = rules.SelectMany(r => r.Validate(command).Errors).FirstOrDefault();
        return broken is null ? command.ToReport() : AnalysisErrors.UnusableAnswer(broken.ErrorMessage);
    }
}
