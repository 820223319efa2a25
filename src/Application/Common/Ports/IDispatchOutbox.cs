using AppBackend.Application.Common.Dispatching;

namespace AppBackend.Application.Common.Ports;

/// <summary>Where owed dispatches are recorded; saved by the same unit of work as the application.</summary>
public interface IDispatchOutbox
{
    void Add(PendingDispatch dispatch);
}
