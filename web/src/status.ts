// What each status means to a person.
import type { ApplicationStatus, JobApplication, VideoStatus } from './types';

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: 'Draft (not submitted)',
  queued: 'Queued for analysis',
  awaiting_ai_analysis: 'Being analysed',
  completed: 'Completed',
  dispatch_failed: 'Analysis could not start',
  analysis_failed: 'Analysis failed',
};

export const videoStatusLabels: Record<VideoStatus, string> = {
  uploaded: 'Uploaded',
  queued: 'Queued',
  processing: 'Being analysed',
  done: 'Analysed',
  analysis_failed: 'Analysis failed',
};

export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** The one line a candidate sees about the analysis of his submitted application. */
export function candidateAnalysisLine(application: JobApplication): string {
  switch (application.status) {
    case 'draft':
      return 'Not submitted yet.';
    case 'queued':
    case 'awaiting_ai_analysis':
      return 'Analysis started. This page updates by itself when the results arrive.';
    case 'completed':
      return `Analysis completed, score ${formatScore(application.overallScore)}.`;
    case 'dispatch_failed':
      return `The analysis could not be started${application.failureReason ? `: ${application.failureReason}` : ''}. You can try again.`;
    case 'analysis_failed':
      return 'The analysis of one or more answers failed.';
  }
}
