using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.JobApplications.AddVideoResponse;

public sealed class AddVideoResponseCommandValidator : AbstractValidator<AddVideoResponseCommand>
{
    public AddVideoResponseCommandValidator(IOptions<MediaUrlOptions> urls)
    {
        RuleFor(c => c.QuestionId).NotEmpty();
        RuleFor(c => c.VideoUrl).NotEmpty().MaximumLength(2048).MediaUrl(urls.Value.AllowInsecureUrls);
    }
}
