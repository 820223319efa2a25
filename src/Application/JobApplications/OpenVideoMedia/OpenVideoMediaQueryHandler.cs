using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.OpenVideoMedia;

public sealed class OpenVideoMediaQueryHandler(IMediaStore media) : IQueryHandler<OpenVideoMediaQuery, Result<StoredMedia>>
{
    public async ValueTask<Result<StoredMedia>> Handle(OpenVideoMediaQuery query, CancellationToken cancellationToken)
    {
        var stored = await media.OpenReadAsync(query.VideoResponseId, cancellationToken);
        return stored is null
            ? MediaErrors.NotFound(query.VideoResponseId)
            : stored;
    }
}
