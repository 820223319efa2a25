using System.CommandLine;
using AppBackend.Admin.Output;
using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Analysis.RedispatchApplication;
using AppBackend.Infrastructure.AnalysisBackend;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AppBackend.Admin.Cli;

/// <summary><c>jobs poll | redispatch</c>: the AI backend side of an application, now rather than when a worker gets to it.</summary>
public static class JobsCommands
{
    public static Command Create(CommandRunner runner)
    {
        var jobs = new Command("jobs", "Reconcile analysis jobs with the AI backend, and send owed dispatches.");
        jobs.Subcommands.Add(Poll(runner));
        jobs.Subcommands.Add(Redispatch(runner));
        return jobs;
    }

    private static Command Poll(CommandRunner runner)
    {
        var job = new Option<string>("--job") { Description = "Only this job, whether due for a poll or not.", HelpName = "ID" };
        var poll = new Command(
            "poll",
            "Ask the AI backend about silent jobs now (every job whose next poll is due, or one --job) and apply the final results, as the poller does.")
        {
            job,
        };
        poll.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            await context.EnsureDatabaseAsync(cancellationToken);
            var jobId = context.Parsed.GetValue(job);
            var report = await context.SendAsync(new PollAnalysisJobsCommand(jobId), cancellationToken);
            if (jobId is not null && report.Asked == 0)
            {
                return await context.RefuseAsync(AdminErrors.JobNotInFlight(jobId));
            }

            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                await context.Output.WriteLineAsync($"Asked the AI backend about {report.Asked} job(s); {report.Applied} result(s) applied.");
            }

            return ExitCodes.Success;
        }));
        return poll;
    }

    private static Command Redispatch(CommandRunner runner)
    {
        var id = new Argument<string>("ID") { Description = "The application's id (it must be queued)." };
        var redispatch = new Command(
            "redispatch",
            "Send a queued application's owed dispatch to the AI backend now, in this process; refused while a dispatch worker holds it.")
        {
            id,
        };
        redispatch.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            await context.EnsureDatabaseAsync(cancellationToken);
            var lease = context.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value.LongestDispatch();
            var owner = $"admin-cli/{Environment.MachineName}/{Environment.ProcessId}";
            var result = await context.SendAsync(new RedispatchApplicationCommand(context.Parsed.GetRequiredValue(id), owner, lease), cancellationToken);
            if (result.IsFailure)
            {
                return await context.RefuseAsync(result.Error);
            }

            var report = result.Value;
            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                var recreated = report.RecreatedDispatch ? " (its missing dispatch record was written again first)" : string.Empty;
                await context.Output.WriteLineAsync($"Dispatch of application {report.Application.Id}: {Describe(report.Outcome)}{recreated}; it is now {report.Application.Status}.");
                await context.Output.WriteLineAsync();
                await ApplicationText.WriteAsync(context.Output, report.Application);
            }

            return report.Outcome switch
            {
                DispatchOutcome.Dispatched => ExitCodes.Success,
                DispatchOutcome.Failed => await context.RefuseAsync(AdminErrors.DispatchFailed(report.Application.Id, report.Application.Status, report.Application.FailureReason)),
                _ => await context.RefuseAsync(AdminErrors.DispatchObsolete(report.Application.Id, report.Application.Status)),
            };
        }));
        return redispatch;
    }

    private static string Describe(DispatchOutcome outcome) => outcome switch
    {
        DispatchOutcome.Dispatched => "the AI backend accepted it",
        DispatchOutcome.Failed => "the AI backend did not take it",
        _ => "nothing to send any more",
    };
}
