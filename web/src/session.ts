// Who is signed in, kept per browser tab (sessionStorage), so a recruiter and a candidate can use two tabs.
import type { Role } from './types';

export interface Session {
  token: string;
  role: Role;
  sub: string;
  org: string | null;
}

const key = 'appbackend.session';

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return tokenExpired(session.token) ? null : session;
  } catch {
    return null;
  }
}

/** Fired on window when someone signs in or out, so the page header can follow. */
export const sessionChanged = 'appbackend:session';

export function saveSession(session: Session): void {
  sessionStorage.setItem(key, JSON.stringify(session));
  window.dispatchEvent(new Event(sessionChanged));
}

export function signOut(): void {
  sessionStorage.removeItem(key);
  window.dispatchEvent(new Event(sessionChanged));
}

/** Reads the role, subject and organization of a token the user pasted (its signature is the server's business). */
export function sessionFromToken(token: string): Session | null {
  const claims = tokenClaims(token);
  if (!claims) return null;
  const role = claims['role'];
  const sub = claims['sub'];
  if ((role !== 'recruiter' && role !== 'candidate') || typeof sub !== 'string') return null;
  const org = typeof claims['org'] === 'string' ? (claims['org'] as string) : null;
  return { token, role, sub, org };
}

function tokenClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function tokenExpired(token: string): boolean {
  const exp = tokenClaims(token)?.['exp'];
  return typeof exp === 'number' && exp * 1000 <= Date.now();
}
