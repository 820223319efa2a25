namespace AppBackend.AiBackendSimulator.State;

/// <summary>A video the worker should GET now on behalf of a job.</summary>
public sealed record VideoFetchOrder(string JobId, Uri VideoUrl);
