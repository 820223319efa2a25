// The wire shapes of the frontend API (contract section 1). Optional fields are the ones a server may not send yet.

export type Role = 'recruiter' | 'candidate';

export type ApplicationStatus =
  | 'draft'
  | 'queued'
  | 'awaiting_ai_analysis'
  | 'completed'
  | 'dispatch_failed'
  | 'analysis_failed';

export const applicationStatuses: readonly ApplicationStatus[] = [
  'draft', 'queued', 'awaiting_ai_analysis', 'completed', 'dispatch_failed', 'analysis_failed',
];

export type VideoStatus = 'uploaded' | 'queued' | 'processing' | 'done' | 'analysis_failed';

export interface Question {
  id: string;
  text: string;
  durationSeconds: number;
  thinkingSeconds?: number | null;
  maxTakes?: number | null;
  aiMetadata: Record<string, unknown>;
}

export interface Interview {
  id: string;
  title: string;
  organizationId?: string;
  questions: Question[];
  createdAt: string;
}

export interface NewQuestion {
  text: string;
  durationSeconds: number;
  thinkingSeconds: number | null;
  maxTakes: number | null;
  aiMetadata: Record<string, string>;
}

export interface NewInterview {
  title: string;
  questions: NewQuestion[];
}

export interface Candidate {
  fullName: string;
  email: string;
  phone?: string | null;
  cvUrl?: string | null;
}

export interface VideoResponse {
  videoResponseId: string;
  questionId: string;
  url: string;
  status: VideoStatus;
  jobId?: string | null;
  overallScore?: number | null;
  aiAnalysisId?: string | null;
  takes?: number;
}

export interface AnalysisResult {
  aiAnalysisId: string;
  videoResponseId: string;
  jobId: string;
  status: string;
  overallScore?: number | null;
  receivedAt: string;
}

export interface JobApplication {
  id: string;
  interviewId: string;
  candidate: Candidate;
  status: ApplicationStatus;
  allowRetry: boolean;
  failureReason?: string | null;
  latestAiAnalysisId?: string | null;
  videoResponses: VideoResponse[];
  aiAnalysisResults: AnalysisResult[];
  overallScore?: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HistoryItem {
  version: number;
  at: string;
  type: string;
  status: ApplicationStatus;
  actor: string;
  details?: Record<string, unknown> | null;
}

/** An RFC 9457 problem as AppBackend sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: Record<string, string[]>;
  missingQuestionIds?: string[];
  [extension: string]: unknown;
}
