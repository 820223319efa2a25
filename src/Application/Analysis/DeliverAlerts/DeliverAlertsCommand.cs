using Mediator;

namespace AppBackend.Application.Analysis.DeliverAlerts;

/// <summary>Posts owed alerts to Slack; a failed post stays owed and is tried again later with a growing wait.</summary>
public sealed record DeliverAlertsCommand : ICommand<int>;
