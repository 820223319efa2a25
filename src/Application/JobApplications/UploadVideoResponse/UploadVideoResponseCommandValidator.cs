using FluentValidation;

namespace AppBackend.Application.JobApplications.UploadVideoResponse;

public sealed class UploadVideoResponseCommandValidator : AbstractValidator<UploadVideoResponseCommand>
{
    /// <summary>The form field that carries the video; errors name it as the caller sent it.</summary>
    public const string FileField = "file";

    public UploadVideoResponseCommandValidator()
    {
        RuleFor(c => c.QuestionId).NotEmpty();
        RuleFor(c => c.Video).NotNull()
            .OverridePropertyName(FileField)
            .WithMessage("'file' must hold the video, sent as a multipart/form-data file part named 'file'.");
    }
}
