using AppBackend.Application.Common.Paging;
using FluentValidation;

namespace AppBackend.Application.Interviews.ListInterviews;

public sealed class ListInterviewsQueryValidator : AbstractValidator<ListInterviewsQuery>
{
    public ListInterviewsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
    }
}
