using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.JobApplications.CreateApplication;

public sealed class CreateApplicationCommandValidator : AbstractValidator<CreateApplicationCommand>
{
    public CreateApplicationCommandValidator(IOptions<MediaUrlOptions> urls)
    {
        RuleFor(c => c.InterviewId).NotEmpty();
        RuleFor(c => c.Candidate).NotNull();
        RuleFor(c => c.Candidate!).ChildRules(candidate =>
        {
            candidate.RuleFor(c => c.FullName).NotEmpty().MaximumLength(200);
            candidate.RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
            candidate.RuleFor(c => c.Phone).MaximumLength(40);
            candidate.RuleFor(c => c.CvUrl).MaximumLength(2048).MediaUrl(urls.Value.AllowInsecureUrls).When(c => c.CvUrl is not null);
        }).When(c => c.Candidate is not null);
    }
}
