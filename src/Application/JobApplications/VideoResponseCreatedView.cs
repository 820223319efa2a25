using System.ComponentModel;
using AppBackend.Application.Interviews;

namespace AppBackend.Application.JobApplications;

/// <summary>The answer to adding a video (contract section 1: <c>201</c> body).</summary>
public sealed record VideoResponseCreatedView(
    string VideoResponseId,
    string QuestionId,
    string Url,
    string Status,
    [property: Description(QuestionDescriptions.Takes)] int Takes);
