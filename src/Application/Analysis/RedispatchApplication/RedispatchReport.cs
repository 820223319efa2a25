using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.JobApplications;

namespace AppBackend.Application.Analysis.RedispatchApplication;

/// <summary>What the dispatch came to, and the application as it stands afterwards.</summary>
/// <param name="RecreatedDispatch">True when the owed-dispatch record was missing and had to be written again.</param>
public sealed record RedispatchReport(DispatchOutcome Outcome, bool RecreatedDispatch, JobApplicationView Application);
