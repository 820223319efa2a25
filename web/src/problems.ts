// Turns an API problem into a sentence a person understands. The caller says what was being done (the context),
// because "not found" means something else for an invite link than for an application.
import { ApiError } from './api';
import type { Problem, Question } from './types';

export interface ProblemContext {
  /** What a 404 means here, e.g. "This invite link does not lead to an interview." */
  notFound?: string;
  /** The interview's questions, to name the ones a 422 lists. */
  questions?: readonly Question[];
}

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { status: -1, title: error instanceof Error ? error.message : String(error) };
}

export function questionLabel(questions: readonly Question[] | undefined, id: string): string {
  const index = questions?.findIndex((q) => q.id === id) ?? -1;
  if (index < 0 || !questions) return 'a question';
  return `question ${index + 1} (“${shorten(questions[index]!.text)}”)`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function describeProblem(problem: Problem, context: ProblemContext = {}): string {
  const code = problem.code ?? problem.type?.replace(/^urn:appbackend:problem:/, '');
  const reference = problem.requestId ? ` (reference ${problem.requestId})` : '';
  switch (problem.status) {
    case 0:
      return 'AppBackend could not be reached. Check your connection and try again.';
    case 400:
      if (code === 'upload.malformed_form') return 'The upload was not a valid form. Please pick the file again.';
      if (problem.errors && Object.keys(problem.errors).length > 0) return 'Some fields need correcting: see the messages next to them.';
      return `The request was refused: ${problem.detail ?? 'some input is not valid'}.`;
    case 401:
      return 'You are not signed in, or your sign-in has expired. Please sign in again.';
    case 403:
      if (code?.startsWith('media.')) return 'This video link has expired. Reload the page to get a fresh one.';
      if (code === 'auth.organization_missing') return 'Your recruiter sign-in names no organization. Please sign in again with your organization.';
      return 'Your account is not allowed to do this.';
    case 404:
      return context.notFound ?? 'This could not be found. It may have been removed, or the link is wrong.';
    case 409:
      switch (code) {
        case 'application.takes_exhausted': {
          const max = typeof problem['maxTakes'] === 'number' ? problem['maxTakes'] : null;
          return max === null
            ? 'You have used every take allowed for this question, so it cannot be recorded again.'
            : `You have used all ${max} take${max === 1 ? '' : 's'} allowed for this question, so it cannot be recorded again.`;
        }
        case 'application.not_draft':
          return 'This application has already been submitted, so it can no longer be changed.';
        case 'application.not_editable':
          return 'This answer cannot be replaced now: only a draft, or a video whose analysis failed, can be recorded again.';
        case 'application.retry_not_allowed':
          return 'The analysis cannot be retried now: only a failed analysis can be retried.';
        case 'concurrency_conflict':
          return 'Someone else changed this at the same moment. Please try again.';
        default:
          return `This cannot be done in the current state: ${problem.detail ?? 'it conflicts with a change already made'}.`;
      }
    case 413:
      return 'The video file is too large for AppBackend. Record a shorter answer or pick a smaller file.';
    case 415:
      return 'This file is not a video AppBackend accepts. Please use MP4, WebM, QuickTime, Matroska, AVI, MPEG or Ogg.';
    case 422: {
      const missing = problem.missingQuestionIds ?? [];
      if (missing.length > 0) {
        const names = missing.map((id) => questionLabel(context.questions, id));
        return `Every question needs an answer before you submit: ${list(names)} ${missing.length === 1 ? 'has' : 'have'} no video yet.`;
      }
      return `This cannot be done yet: ${problem.detail ?? 'a rule is not met'}.`;
    }
    default:
      if (problem.status >= 500) return `Something went wrong on the server${reference}. Please try again in a moment.`;
      if (problem.status < 0) return `Something went wrong in this page: ${problem.title ?? 'unknown error'}.`;
      return `The request failed (${problem.status}): ${problem.detail ?? problem.title ?? 'no details'}.`;
  }
}

/** The messages of a validation problem for one field path (e.g. `questions[0].durationSeconds`), or for its children. */
export function fieldErrors(problem: Problem, path: string): string[] {
  const errors = problem.errors ?? {};
  const normalized = (key: string) => key.replace(/^\$\./, '').toLowerCase();
  const wanted = path.toLowerCase();
  return Object.entries(errors)
    .filter(([key]) => normalized(key) === wanted || normalized(key).startsWith(`${wanted}.`))
    .flatMap(([, messages]) => messages);
}
