// The application's event stream (text/event-stream) read with fetch, because EventSource cannot send the
// Authorization header. After a drop it reconnects with Last-Event-ID, so the server replays what was missed.
import { apiBase, authHeaders, problemOf } from './api';
import { readEvents } from './sse';
import type { JobApplication, Problem } from './types';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface StreamCallbacks {
  onView(view: JobApplication, version: number): void;
  onState?(state: StreamState): void;
  /** A refusal (401, 404): the stream stops, since asking again would get the same answer. */
  onProblem?(problem: Problem): void;
}

export interface ApplicationStream {
  close(): void;
  /** The id of the last event received, sent as Last-Event-ID on a reconnect. */
  readonly lastEventId: string | null;
  readonly reconnects: number;
}

const retryDelaysMs = [500, 1000, 2000, 5000];

export function openApplicationStream(applicationId: string, callbacks: StreamCallbacks): ApplicationStream {
  let lastEventId: string | null = null;
  let reconnects = 0;
  let closed = false;
  let controller: AbortController | null = null;
  let failures = 0;

  const setState = (state: StreamState) => {
    callbacks.onState?.(state);
    document.body.dataset['stream'] = state;
  };

  async function connect(): Promise<void> {
    while (!closed) {
      controller = new AbortController();
      setState(lastEventId === null && reconnects === 0 ? 'connecting' : 'reconnecting');
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...authHeaders() };
        if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(`${apiBase()}/api/applications/${encodeURIComponent(applicationId)}/events`, {
          headers,
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          callbacks.onProblem?.(await problemOf(response));
          closed = true;
          break;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        setState('live');
        failures = 0;
        await readEvents(response.body, (type, id, data) => {
          if (type !== 'status') return;
          if (id !== null) lastEventId = id;
          const view = JSON.parse(data) as JobApplication;
          callbacks.onView(view, id === null ? NaN : Number(id));
        });
      } catch {
        // A drop, a network error or our own abort: reconnect unless closed.
      }
      if (closed) break;
      reconnects += 1;
      document.body.dataset['streamReconnects'] = String(reconnects);
      setState('reconnecting');
      const delay = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 5000;
      failures += 1;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    setState('closed');
  }

  void connect();
  return {
    close() {
      closed = true;
      controller?.abort();
    },
    get lastEventId() {
      return lastEventId;
    },
    get reconnects() {
      return reconnects;
    },
  };
}
