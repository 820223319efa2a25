using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
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
/// the answer is then recorded with the answers of the other dispatches in flight, in one transaction
/// (<see cref="DispatchAnswerBatchRecorder"/>), and this returns once it is committed.
/// </summary>
public sealed class AnalysisDispatcher(
    IDispatchQueue queue,
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IAnalysisBackend backend,
    IMediaUrls mediaUrls,
    IUnitOfWork unitOfWork,
    IRequestContext requestContext,
    ILogContext logContext,
    IOptions<PublicUrlOptions> publicUrls,
    IGroupCommit<AnsweredDispatch, DispatchOutcome> answers)
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
        if (answer is DispatchAnswer.Accepted accepted)
        {
            logContext.Set("jobId", DispatchRecorder.JobIdsOf(accepted));
        }

        return await answers.SubmitAsync(new AnsweredDispatch(key, application.Id, request, answer), requestContext.Actor, cancellationToken);
    }
}
