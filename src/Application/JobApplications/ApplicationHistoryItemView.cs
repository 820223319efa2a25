using System.Text.Json;

namespace AppBackend.Application.JobApplications;

/// <summary>
/// One committed change of an application (contract section 1): <c>type</c> is one of
/// <see cref="Common.Events.ApplicationEventTypes"/>, <c>status</c> the application's status after it, <c>actor</c>
/// who or what made it, <c>details</c> a JSON object for operators.
/// </summary>
public sealed record ApplicationHistoryItemView(long Version, DateTimeOffset At, string Type, string Status, string Actor, JsonElement Details);
