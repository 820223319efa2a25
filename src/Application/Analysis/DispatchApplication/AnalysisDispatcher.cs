using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>
/// Sends one owed dispatch to the AI backend and records the answer: the dispatch worker's and the admin tool's
/// <c>jobs redispatch</c> alike. Calls the AI backend once (its transport retries with the same idempotency key);
/// <see cref="DispatchRecorder"/> then records what it answered.
/// </summary>
public sealed class AnalysisDispatcher(
    IDispatchQueue queue,
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IAnalysisBackend backend,
    IMediaUrls mediaUrls,
    IUnitOfWork unitOfWork,
    IRequestContext requestContext,
    IOptions<PublicUrlOptions> publicUrls,
    DispatchRecorder recorder)
{
    public async ValueTask<Result<DispatchOutcome>> DispatchAsync(string key, CancellationToken cancellationToken)
    {
        var pending = await queue.FindAsync(key, cancellationToken);
        if (pending is null)
        {
            return AnalysisErrors.DispatchNotFound(key);
        }

        var application = await applications.FindAsync(pending.ApplicationId, cancellationToken);
        if (application is null || !DispatchRecorder.IsOwedBy(application, key))
        {
            queue.Remove(pending);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return DispatchOutcome.Obsolete;
        }

        var interview = await interviews.GetInterviewOfAsync(application, cancellationToken);
        var request = AnalysisRequestFactory.Create(
            application,
            interview,
            application.VideosAwaitingDispatch(interview),
            mediaUrls.UrlForAnalysis,
            requestContext.RequestId,
            publicUrls.Value.CallbackUrl);

        var answer = await backend.StartAnalysisAsync(request, key, cancellationToken);
        return await recorder.RecordAsync(key, application.Id, request, answer, cancellationToken);
    }
}
