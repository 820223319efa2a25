// Sign-in. In Development AppBackend mints dev tokens (GET /dev/token): pick a role, a name and, for a recruiter,
// the organization. Elsewhere a token from the identity provider can be pasted.
import { api } from '../api';
import { alertLine, field, h } from '../dom';
import { navigate } from '../navigation';
import { describeProblem, problemOf } from '../problems';
import { currentSession, saveSession, sessionFromToken } from '../session';
import type { Role } from '../types';

export function renderSignIn(main: HTMLElement, _params: string[], search: URLSearchParams): void {
  const next = search.get('next');
  const fixedRole = search.get('role') === 'candidate' ? 'candidate' : search.get('role') === 'recruiter' ? 'recruiter' : null;
  const session = currentSession();

  main.append(h('h1', {}, 'Sign in'));
  if (session && !next) {
    main.append(h('p', {}, `You are signed in as ${session.sub} (${session.role}). `,
      session.role === 'recruiter' ? h('a', { href: '/recruiter' }, 'Go to your interviews.') : 'Open your invite link to continue.'));
  } else if (next) {
    main.append(h('p', {}, 'Please sign in as a recruiter to open this page.'));
  }
  main.append(signInForm(fixedRole, (role) => navigate(next ?? (role === 'recruiter' ? '/recruiter' : '/'))));
}

/** The dev sign-in form; also used inline by the candidate page (with the role fixed). */
export function signInForm(fixedRole: Role | null, onSignedIn: (role: Role) => void): HTMLElement {
  const role = h('select', { name: 'role' },
    h('option', { value: 'recruiter' }, 'Recruiter'),
    h('option', { value: 'candidate' }, 'Candidate'));
  if (fixedRole) role.value = fixedRole;
  const name = h('input', { name: 'sub', required: true, autocomplete: 'username', maxlength: 128, value: fixedRole === 'candidate' ? '' : 'rita' });
  const org = h('input', { name: 'org', autocomplete: 'organization', maxlength: 128, value: 'acme' });
  const orgField = field('Organization', org, 'Recruiters see only their organization’s interviews and applications.');
  const problem = alertLine();
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const syncRole = () => { orgField.hidden = role.value !== 'recruiter'; };
  role.addEventListener('change', syncRole);
  syncRole();

  const form = h('form', { class: 'card', 'aria-label': 'Development sign-in' },
    h('h2', {}, 'Development sign-in'),
    fixedRole ? null : field('Role', role),
    field('Your name', name, 'Used as your user id; letters, digits, dots and dashes work best.'),
    orgField,
    submit,
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hide();
    const chosen = role.value as Role;
    const sub = name.value.trim();
    if (!sub) {
      problem.show('Please enter your name.');
      name.focus();
      return;
    }
    const organization = chosen === 'recruiter' ? org.value.trim() : null;
    if (organization === '') {
      problem.show('Please enter your organization: a recruiter works for one.');
      org.focus();
      return;
    }
    submit.disabled = true;
    try {
      const token = await api.devToken(chosen, sub, organization);
      saveSession({ token: token.accessToken, role: chosen, sub, org: organization });
      onSignedIn(chosen);
    } catch (error) {
      const p = problemOf(error);
      problem.show(p.status === 404
        ? 'Development sign-in is not available on this server. Paste an access token below instead.'
        : describeProblem(p));
    } finally {
      submit.disabled = false;
    }
  });

  const token = h('textarea', { name: 'token', rows: 3, spellcheck: false });
  const tokenProblem = alertLine();
  const tokenForm = h('form', { class: 'card', 'aria-label': 'Sign in with an access token' },
    h('h2', {}, 'Sign in with an access token'),
    field('Access token (JWT)', token, 'From your organization’s identity provider.'),
    h('button', { type: 'submit' }, 'Use this token'),
    tokenProblem);
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = sessionFromToken(token.value.trim());
    if (!session || (fixedRole && session.role !== fixedRole)) {
      tokenProblem.show(fixedRole
        ? `This is not a ${fixedRole} token. Please paste the token you were given.`
        : 'This is not an AppBackend token (it needs a role of recruiter or candidate, and a subject).');
      return;
    }
    saveSession(session);
    onSignedIn(session.role);
  });

  return h('div', { class: 'signin' }, form, h('details', {}, h('summary', {}, 'Sign in with a token instead'), tokenForm));
}
