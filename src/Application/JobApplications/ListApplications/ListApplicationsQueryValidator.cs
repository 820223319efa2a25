using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.JobApplications;
using FluentValidation;

namespace AppBackend.Application.JobApplications.ListApplications;

public sealed class ListApplicationsQueryValidator : AbstractValidator<ListApplicationsQuery>
{
    /// <summary>About a hundred years: far enough back for any filter, near enough that "now minus it" cannot overflow.</summary>
    public static readonly TimeSpan MaxNotUpdatedFor = TimeSpan.FromDays(36500);

    public ListApplicationsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
        RuleFor(q => q.Status)
            .Must(s => StatusNames.TryParse(s!, out _))
            .When(q => q.Status is not null)
            .WithMessage("'status' must be one of: draft, queued, awaiting_ai_analysis, completed, dispatch_failed, analysis_failed.");
        RuleFor(q => q.OrganizationId).NotEmpty().MaximumLength(ApplicationAccess.MaxOrganizationIdLength).When(q => q.OrganizationId is not null);
        RuleFor(q => q.NotUpdatedFor)
            .Must(d => d >= TimeSpan.Zero && d <= MaxNotUpdatedFor)
            .When(q => q.NotUpdatedFor is not null)
            .WithMessage("'notUpdatedFor' must be a duration from zero to 36500 days.");
    }
}
