using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// A final result for one AI job, from the webhook, the poller or the admin tool alike.
/// <see cref="Status"/> is <c>done</c> or <c>failed</c>.
/// </summary>
public sealed record ApplyAnalysisResultCommand(
    string? JobId,
    string? VideoResponseId,
    string? Status,
    double? OverallScore,
    string? AiAnalysisId,
    string? Error) : ICommand<Result<ResultApplication>>, IJobMessage;
