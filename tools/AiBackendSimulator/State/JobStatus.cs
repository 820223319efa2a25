using System.Text.Json.Serialization;

namespace AppBackend.AiBackendSimulator.State;

/// <summary>A job's status as the AI backend reports it (contract section 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("processing")]
    Processing,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
