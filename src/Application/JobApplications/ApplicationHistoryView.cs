namespace AppBackend.Application.JobApplications;

/// <summary>An application's whole timeline, oldest first.</summary>
public sealed record ApplicationHistoryView(IReadOnlyList<ApplicationHistoryItemView> Items);
