namespace AppBackend.WebApi.Http;

/// <summary>
/// Contract: every error is a problem, whatever the request's <c>Accept</c> says. The framework's writer declines when
/// <c>Accept</c> names no JSON type (an <c>EventSource</c> sends <c>Accept: text/event-stream</c>), and the status code
/// pages would then answer a 401 in <c>text/plain</c>. Registered after it, this writer takes exactly those requests
/// and hands them to the framework's writer anyway, so defaults and customisation stay the same.
/// </summary>
internal sealed class AnyAcceptProblemDetailsWriter(IServiceProvider services) : IProblemDetailsWriter
{
    private IProblemDetailsWriter? _framework;

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // Resolved late: the list of writers includes this one.
        _framework ??= services.GetServices<IProblemDetailsWriter>().First(w => w is not AnyAcceptProblemDetailsWriter);
        return _framework.WriteAsync(context);
    }
}
