namespace AppBackend.Application.Common.Ports;

/// <summary>The work in progress: its correlation id (the HTTP request's, or a worker's own) and who does it.</summary>
public interface IRequestContext
{
    string RequestId { get; }

    /// <summary>Who makes the changes this work saves (<see cref="Security.Actors"/>): the history records it with each.</summary>
    string Actor { get; }
}
