// The typed client of the frontend API. Every refusal comes back as an ApiError carrying the RFC 9457 problem,
// which problems.ts turns into a sentence; nothing here decides what the user is told.
import { currentSession } from './session';
import type {
  HistoryItem, Interview, JobApplication, NewInterview, Page, Problem, VideoResponse, Candidate, ApplicationStatus,
} from './types';

/** The API's origin: this page's own, unless the page names another (`<meta name="appbackend-api" content="…">`). */
export function apiBase(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="appbackend-api"]');
  return (meta?.content || window.location.origin).replace(/\/$/, '');
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** status 0: the request never got an answer (network down, server gone, CORS refused). */
export function networkProblem(): Problem {
  return { status: 0, title: 'Network error' };
}

export async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export function authHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiBase() + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface DevToken {
  accessToken: string;
  role: string;
  sub: string;
}

export const api = {
  devToken: (role: string, sub: string, org: string | null) =>
    call<DevToken>('GET', `/dev/token${query({ role, sub, org })}`),

  createInterview: (interview: NewInterview) => call<Interview>('POST', '/api/interviews', interview),
  getInterview: (id: string) => call<Interview>('GET', `/api/interviews/${encodeURIComponent(id)}`),
  listInterviews: (cursor: string | null, limit = 20) =>
    call<Page<Interview>>('GET', `/api/interviews${query({ limit, cursor })}`),

  createApplication: (interviewId: string, candidate: Candidate) =>
    call<JobApplication>('POST', '/api/applications', { interviewId, candidate }),
  getApplication: (id: string) => call<JobApplication>('GET', `/api/applications/${encodeURIComponent(id)}`),
  listApplications: (filter: { interviewId?: string | null; status?: ApplicationStatus | null; cursor?: string | null; limit?: number }) =>
    call<Page<JobApplication>>('GET', `/api/applications${query({ ...filter, limit: filter.limit ?? 20 })}`),
  submit: (id: string) => call<JobApplication>('POST', `/api/applications/${encodeURIComponent(id)}/submit`),
  retry: (id: string) => call<JobApplication>('POST', `/api/applications/${encodeURIComponent(id)}/retry`),
  history: (id: string) => call<{ items: HistoryItem[] }>('GET', `/api/applications/${encodeURIComponent(id)}/history`),
};

export function videoUploadUrl(applicationId: string): string {
  return `${apiBase()}/api/applications/${encodeURIComponent(applicationId)}/video-responses`;
}

export type { VideoResponse };
