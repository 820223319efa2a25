using System.ComponentModel;
using AppBackend.Application.Interviews;

namespace AppBackend.Application.JobApplications;

public sealed record VideoResponseView(
    string VideoResponseId,
    string QuestionId,
    string Url,
    string Status,
    string? JobId,
    double? OverallScore,
    string? AiAnalysisId,
    [property: Description(QuestionDescriptions.Takes)] int Takes);
