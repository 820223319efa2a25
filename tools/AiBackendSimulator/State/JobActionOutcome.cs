namespace AppBackend.AiBackendSimulator.State;

/// <summary>What became of a control action on one job.</summary>
public enum JobActionOutcome
{
    Accepted,
    NotFound,
    AlreadyFinal,
    NotFinal,
}
