namespace AppBackend.Application.Common.Ports;

/// <summary>The correlation id of the work in progress: the HTTP request's, or a worker's own.</summary>
public interface IRequestContext
{
    string RequestId { get; }
}
