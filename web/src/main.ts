// The single-page router: one typed module per page under pages/. The server answers index.html for these paths
// (src/WebApi/Frontend/FrontendSetup.cs), so links and reloads work.
import './styles.css';
import { clear, h } from './dom';
import { currentSession, sessionChanged, signOut } from './session';
import { navigate } from './navigation';
import { renderSignIn } from './pages/signin';
import { renderInterviews } from './pages/interviews';
import { renderApplications } from './pages/applications';
import { renderApplication } from './pages/application';
import { renderCandidate } from './pages/candidate';

/** What a page returns: how to stop its timers and streams when the user leaves it. */
export type Cleanup = () => void;
export type PageRenderer = (main: HTMLElement, params: string[], search: URLSearchParams) => Cleanup | void;

const routes: Array<[RegExp, PageRenderer, 'recruiter' | 'any']> = [
  [/^\/$/, renderSignIn, 'any'],
  [/^\/recruiter\/?$/, renderInterviews, 'recruiter'],
  [/^\/recruiter\/applications\/?$/, renderApplications, 'recruiter'],
  [/^\/recruiter\/applications\/([^/]+)$/, renderApplication, 'recruiter'],
  [/^\/invite\/([^/]+)$/, renderCandidate, 'any'],
];

let cleanup: Cleanup | void;

function render(): void {
  cleanup?.();
  cleanup = undefined;
  const main = document.getElementById('main')!;
  clear(main);
  renderNav();
  const path = window.location.pathname;
  const search = new URLSearchParams(window.location.search);
  for (const [pattern, renderer, access] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    if (access === 'recruiter' && currentSession()?.role !== 'recruiter') {
      cleanup = renderSignIn(main, [], new URLSearchParams({ next: path + window.location.search, role: 'recruiter' }));
    } else {
      cleanup = renderer(main, params, search);
    }
    const heading = main.querySelector('h1');
    document.title = heading ? `${heading.textContent} · AppBackend` : 'AppBackend';
    return;
  }
  main.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at this address. ', h('a', { href: '/' }, 'Go to the start page.')));
}

function renderNav(): void {
  const nav = document.getElementById('nav')!;
  clear(nav);
  const session = currentSession();
  if (session?.role === 'recruiter') {
    nav.append(h('a', { href: '/recruiter' }, 'Interviews'), h('a', { href: '/recruiter/applications' }, 'Applications'));
  }
  if (session) {
    nav.append(
      h('span', { class: 'who' }, `${session.sub} (${session.role}${session.org ? `, ${session.org}` : ''})`),
      h('button', { type: 'button', class: 'link', onclick: () => { signOut(); navigate('/'); } }, 'Sign out'),
    );
  }
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || link.target || link.hasAttribute('download')) return;
  if (!routes.some(([pattern]) => pattern.test(url.pathname))) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);
window.addEventListener(sessionChanged, renderNav);
render();
