using AppBackend.Application.Common.Ports.AnalysisBackend;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>What the AI backend answered to one dispatch: the item <see cref="DispatchAnswerBatchRecorder"/> records.</summary>
public sealed record AnsweredDispatch(string Key, string ApplicationId, AnalysisRequest Request, DispatchAnswer Answer);
