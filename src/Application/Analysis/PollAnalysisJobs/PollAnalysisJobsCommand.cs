using AppBackend.Application.Common.Logging;
using Mediator;

namespace AppBackend.Application.Analysis.PollAnalysisJobs;

/// <summary>
/// The polling fallback: asks the AI backend about every job whose next poll is due (silent for <c>Analysis:PollAfter</c>
/// since dispatch and for <c>Analysis:PollInterval</c> since last asked), or only <see cref="JobId"/>, at once, and feeds
/// final answers into the same command as the webhook.
/// </summary>
public sealed record PollAnalysisJobsCommand(string? JobId = null) : ICommand<PollReport>, IJobMessage;

/// <summary><see cref="Asked"/> jobs were asked about; <see cref="Applied"/> of their results changed an application.</summary>
public sealed record PollReport(int Asked, int Applied);
