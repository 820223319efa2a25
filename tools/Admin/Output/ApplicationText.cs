using System.Globalization;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Admin.Output;

/// <summary>Applications as people read them at a terminal.</summary>
public static class ApplicationText
{
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Score(double? score) => score?.ToString("0.##", CultureInfo.InvariantCulture);

    public static async Task WriteAsync(TextWriter writer, JobApplicationView application)
    {
        var candidate = application.Candidate;
        var details = new Table("FIELD", "VALUE");
        details.Add("id", application.Id);
        details.Add("organization", application.OrganizationId);
        details.Add("interview", application.InterviewId);
        details.Add("candidate", $"{candidate.FullName} <{candidate.Email}>");
        details.Add("phone", candidate.Phone);
        details.Add("cv", candidate.CvUrl);
        details.Add("status", application.Status);
        details.Add("allow retry", application.AllowRetry ? "yes" : "no");
        details.Add("failure reason", application.FailureReason);
        details.Add("overall score", Score(application.OverallScore));
        details.Add("latest analysis", application.LatestAiAnalysisId);
        details.Add("created", Time(application.CreatedAt));
        details.Add("updated", Time(application.UpdatedAt));
        await details.WriteAsync(writer);

        await writer.WriteLineAsync();
        var videos = new Table("VIDEO", "QUESTION", "STATUS", "JOB", "SCORE", "ANALYSIS", "URL");
        foreach (var video in application.VideoResponses)
        {
            videos.Add(video.VideoResponseId, video.QuestionId, video.Status, video.JobId, Score(video.OverallScore), video.AiAnalysisId, video.Url);
        }

        await videos.WriteAsync(writer);

        if (application.AiAnalysisResults.Count > 0)
        {
            await writer.WriteLineAsync();
            var results = new Table("ANALYSIS", "VIDEO", "JOB", "STATUS", "SCORE", "ERROR", "RECEIVED");
            foreach (var result in application.AiAnalysisResults)
            {
                results.Add(result.AiAnalysisId, result.VideoResponseId, result.JobId, result.Status, Score(result.OverallScore), result.Error, Time(result.ReceivedAt));
            }

            await results.WriteAsync(writer);
        }
    }

    /// <summary>One line per change; the details as compact JSON.</summary>
    public static async Task WriteAsync(TextWriter writer, ApplicationHistoryView history)
    {
        if (history.Items.Count == 0)
        {
            await writer.WriteLineAsync("No change of this application is logged.");
            return;
        }

        var table = new Table("VERSION", "AT", "TYPE", "STATUS", "ACTOR", "DETAILS");
        foreach (var item in history.Items)
        {
            table.Add(item.Version.ToString(CultureInfo.InvariantCulture), Time(item.At), item.Type, item.Status, item.Actor, item.Details.GetRawText());
        }

        await table.WriteAsync(writer);
    }

    public static async Task WriteAsync(TextWriter writer, Page<JobApplicationView> page)
    {
        if (page.Items.Count == 0)
        {
            await writer.WriteLineAsync("No application matches.");
            return;
        }

        var table = new Table("ID", "ORG", "STATUS", "CANDIDATE", "INTERVIEW", "VIDEOS DONE", "RETRY", "UPDATED");
        foreach (var application in page.Items)
        {
            var done = application.VideoResponses.Count(v => v.Status == StatusNames.Done);
            table.Add(
                application.Id,
                application.OrganizationId,
                application.Status,
                application.Candidate.FullName,
                application.InterviewId,
                $"{done}/{application.VideoResponses.Count}",
                application.AllowRetry ? "yes" : "no",
                Time(application.UpdatedAt));
        }

        await table.WriteAsync(writer);
        if (page.NextCursor is not null)
        {
            await writer.WriteLineAsync($"More: add --cursor {page.NextCursor}");
        }
    }
}
