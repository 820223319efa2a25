using System.Text.Json;
using AppBackend.Application.Interviews;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using Mapster;

namespace AppBackend.Application.Common.Mapping;

/// <summary>Aggregates to views, one way only: views are never mapped back into aggregates.</summary>
public sealed class ViewMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Question, QuestionView>()
            .MapToConstructor(true)
            .Map(d => d.AiMetadata, s => ParseJson(s.AiMetadataJson));

        config.NewConfig<Interview, InterviewView>()
            .MapToConstructor(true);

        config.NewConfig<Candidate, CandidateView>()
            .MapToConstructor(true);

        config.NewConfig<VideoResponse, VideoResponseView>()
            .MapToConstructor(true)
            .Map(d => d.VideoResponseId, s => s.Id)
            .Map(d => d.Status, s => StatusNames.Of(s.Status));

        config.NewConfig<AnalysisResult, AnalysisResultView>()
            .MapToConstructor(true)
            .Map(d => d.Status, s => StatusNames.Of(s.Outcome));

        config.NewConfig<JobApplication, JobApplicationView>()
            .MapToConstructor(true)
            .Map(d => d.Status, s => StatusNames.Of(s.Status));

        config.NewConfig<VideoResponse, VideoResponseCreatedView>()
            .MapToConstructor(true)
            .Map(d => d.VideoResponseId, s => s.Id)
            .Map(d => d.Status, s => StatusNames.Of(s.Status));
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
