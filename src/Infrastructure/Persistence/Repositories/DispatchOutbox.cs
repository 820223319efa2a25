using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class DispatchOutbox(AppDbContext db) : IDispatchOutbox
{
    public void Add(PendingDispatch dispatch) => db.PendingDispatches.Add(dispatch);
}
