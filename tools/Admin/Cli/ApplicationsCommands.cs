using System.CommandLine;
using AppBackend.Admin.Output;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Application.JobApplications.GetApplicationHistory;
using AppBackend.Application.JobApplications.ListApplications;
using AppBackend.Application.JobApplications.RetryApplication;

namespace AppBackend.Admin.Cli;

/// <summary><c>applications show | list | history | retry</c>.</summary>
public static class ApplicationsCommands
{
    public static Command Create(CommandRunner runner)
    {
        var applications = new Command("applications", "Look at applications and retry failed ones.");
        applications.Subcommands.Add(Show(runner));
        applications.Subcommands.Add(List(runner));
        applications.Subcommands.Add(History(runner));
        applications.Subcommands.Add(Retry(runner));
        return applications;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = new Argument<string>("ID") { Description = "The application's id." };
        var show = new Command("show", "One application with its videos and results (GET /api/applications/{id}).") { id };
        show.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            await context.EnsureDatabaseAsync(cancellationToken);
            var result = await context.SendAsync(new GetApplicationQuery(context.Parsed.GetRequiredValue(id)), cancellationToken);
            if (result.IsFailure)
            {
                return await context.RefuseAsync(result.Error);
            }

            await (context.Json ? context.WriteJsonAsync(result.Value) : ApplicationText.WriteAsync(context.Output, result.Value));
            return ExitCodes.Success;
        }));
        return show;
    }

    private static Command List(CommandRunner runner)
    {
        var status = new Option<string>("--status") { Description = "Only this status (draft, queued, awaiting_ai_analysis, completed, dispatch_failed, analysis_failed)." };
        var olderThan = Durations.Option("--older-than", "Only applications not changed for at least this long (10m, 2h, 1d, 00:10:00).");
        var interview = new Option<string>("--interview") { Description = "Only applications to this interview.", HelpName = "ID" };
        var organization = new Option<string>("--org") { Description = "Only this organization's applications (every organization's without it).", HelpName = "ORG" };
        var limit = new Option<int>("--limit") { Description = $"At most this many, 1 to {PageCursor.MaxLimit}.", DefaultValueFactory = _ => PageCursor.DefaultLimit };
        var cursor = new Option<string>("--cursor") { Description = "Continue after the previous page (its 'next cursor')." };
        var list = new Command("list", "Applications, newest first (GET /api/applications).") { status, olderThan, interview, organization, limit, cursor };
        list.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            var parsed = context.Parsed;
            var query = new ListApplicationsQuery(
                parsed.GetValue(interview), parsed.GetValue(status), parsed.GetValue(limit), parsed.GetValue(cursor), parsed.GetValue(olderThan), parsed.GetValue(organization));
            await context.EnsureDatabaseAsync(cancellationToken);
            var page = await context.SendAsync(query, cancellationToken);
            await (context.Json ? context.WriteJsonAsync(page) : ApplicationText.WriteAsync(context.Output, page));
            return ExitCodes.Success;
        }));
        return list;
    }

    private static Command History(CommandRunner runner)
    {
        var id = new Argument<string>("ID") { Description = "The application's id." };
        var history = new Command("history", "Every change of one application, oldest first, with who made it (GET /api/applications/{id}/history).") { id };
        history.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            await context.EnsureDatabaseAsync(cancellationToken);
            var result = await context.SendAsync(new GetApplicationHistoryQuery(context.Parsed.GetRequiredValue(id)), cancellationToken);
            if (result.IsFailure)
            {
                return await context.RefuseAsync(result.Error);
            }

            await (context.Json ? context.WriteJsonAsync(result.Value) : ApplicationText.WriteAsync(context.Output, result.Value));
            return ExitCodes.Success;
        }));
        return history;
    }

    private static Command Retry(CommandRunner runner)
    {
        var id = new Argument<string>("ID") { Description = "The application's id." };
        var retry = new Command("retry", "Queue a dispatch_failed or analysis_failed application again (POST /api/applications/{id}/retry).") { id };
        retry.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            await context.EnsureDatabaseAsync(cancellationToken);
            var result = await context.SendAsync(new RetryApplicationCommand(context.Parsed.GetRequiredValue(id)), cancellationToken);
            if (result.IsFailure)
            {
                return await context.RefuseAsync(result.Error);
            }

            if (context.Json)
            {
                await context.WriteJsonAsync(result.Value);
            }
            else
            {
                await context.Output.WriteLineAsync(
                    $"Application {result.Value.Id} is {result.Value.Status}: AppBackend's dispatch worker sends it (or send it now: jobs redispatch {result.Value.Id}).");
                await context.Output.WriteLineAsync();
                await ApplicationText.WriteAsync(context.Output, result.Value);
            }

            return ExitCodes.Success;
        }));
        return retry;
    }
}
