using AppBackend.Application.JobApplications.DispatchApplication;

namespace AppBackend.Application.JobApplications.RedispatchApplication;

/// <summary>What the dispatch came to, and the application as it stands afterwards.</summary>
/// <param name="RecreatedDispatch">True when the owed-dispatch record was missing and had to be written again.</param>
public sealed record RedispatchReport(DispatchOutcome Outcome, bool RecreatedDispatch, JobApplicationView Application);
