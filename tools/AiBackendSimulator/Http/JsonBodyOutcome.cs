namespace AppBackend.AiBackendSimulator.Http;

/// <summary>A body read by <see cref="JsonBody"/>: the value (null when the body was empty), or the 400 to answer.</summary>
public sealed record JsonBodyOutcome<T>(T? Value, IResult? Problem);
