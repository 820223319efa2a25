using Mediator;

namespace AppBackend.Application.Analysis.AlertStuckJobs;

/// <summary>Owes one Slack alert for every job with no final result <c>Analysis:AlertAfter</c> after dispatch; never two for a job.</summary>
public sealed record AlertStuckJobsCommand : ICommand<int>;
