namespace AppBackend.Domain.JobApplications;

/// <summary>The video just added, and the earlier answer to the same question it replaced, if any.</summary>
public sealed record VideoReplacement(VideoResponse Added, VideoResponse? Replaced);
