// Recruiter: the organization's applications, newest first, filtered by interview and status. The list refreshes
// itself every few seconds (one event stream per row would use up the browser's connections to the server);
// an opened application follows its own event stream.
import { api } from '../api';
import { alertLine, field, formatDate, h } from '../dom';
import { navigate } from '../navigation';
import { describeProblem, problemOf } from '../problems';
import { applicationStatusLabels, formatScore } from '../status';
import { applicationStatuses, type ApplicationStatus, type Interview, type JobApplication } from '../types';

const refreshMs = 2000;

export function renderApplications(main: HTMLElement, _params: string[], search: URLSearchParams): () => void {
  const interviewFilter = h('select', { name: 'interviewId' }, h('option', { value: '' }, 'All interviews'));
  const statusFilter = h('select', { name: 'status' }, h('option', { value: '' }, 'Any status'),
    ...applicationStatuses.map((s) => h('option', { value: s }, applicationStatusLabels[s])));
  const body = h('tbody');
  const problem = alertLine();
  const more = h('button', { type: 'button', hidden: true }, 'Show more applications');
  const updated = h('p', { class: 'meta', role: 'status', 'aria-live': 'off' });
  const titles = new Map<string, string>();
  let shown = 20;
  let timer: number | undefined;
  let stopped = false;

  const selectedInterview = search.get('interviewId') ?? '';
  const selectedStatus = search.get('status') ?? '';
  statusFilter.value = selectedStatus;

  const refresh = async () => {
    window.clearTimeout(timer);
    try {
      const page = await api.listApplications({
        interviewId: interviewFilter.value || null,
        status: (statusFilter.value || null) as ApplicationStatus | null,
        limit: shown,
      });
      problem.hide();
      body.replaceChildren(...page.items.map((a) => row(a, titles)));
      if (page.items.length === 0) body.append(h('tr', {}, h('td', { colspan: 5 }, 'No applications match these filters.')));
      more.hidden = !page.nextCursor || shown >= 100;
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}.`;
    } catch (error) {
      problem.show(describeProblem(problemOf(error)));
    }
    if (!stopped) timer = window.setTimeout(() => void refresh(), refreshMs);
  };
  const applyFilters = () => {
    const params = new URLSearchParams();
    if (interviewFilter.value) params.set('interviewId', interviewFilter.value);
    if (statusFilter.value) params.set('status', statusFilter.value);
    history.replaceState(null, '', `/recruiter/applications${params.size ? `?${params}` : ''}`);
    void refresh();
  };
  interviewFilter.addEventListener('change', applyFilters);
  statusFilter.addEventListener('change', applyFilters);
  more.addEventListener('click', () => { shown = Math.min(100, shown + 20); void refresh(); });

  main.append(
    h('h1', {}, 'Applications'),
    h('form', { class: 'filters card', 'aria-label': 'Filters', onsubmit: (e: Event) => e.preventDefault() },
      field('Interview', interviewFilter), field('Status', statusFilter)),
    problem,
    h('div', { class: 'table-wrap' }, h('table', { class: 'applications' },
      h('caption', {}, 'Applications, newest first; statuses update live.'),
      h('thead', {}, h('tr', {}, ...['Candidate', 'Interview', 'Status', 'Score', 'Updated'].map((c) => h('th', { scope: 'col' }, c)))),
      body)),
    more,
    updated);

  void loadInterviews(interviewFilter, titles, selectedInterview).then(() => void refresh());
  return () => { stopped = true; window.clearTimeout(timer); };
}

async function loadInterviews(select: HTMLSelectElement, titles: Map<string, string>, selected: string): Promise<void> {
  let cursor: string | null = null;
  try {
    do {
      const page = await api.listInterviews(cursor, 100);
      for (const interview of page.items as Interview[]) {
        titles.set(interview.id, interview.title);
        select.append(h('option', { value: interview.id }, interview.title));
      }
      cursor = page.nextCursor;
    } while (cursor && titles.size < 500);
  } catch {
    // The list of applications says what went wrong; the filter then offers only "All interviews".
  }
  if (selected && !titles.has(selected)) select.append(h('option', { value: selected }, selected));
  select.value = selected;
}

function row(application: JobApplication, titles: Map<string, string>): HTMLTableRowElement {
  const href = `/recruiter/applications/${encodeURIComponent(application.id)}`;
  const tr = h('tr', { 'data-application-id': application.id, 'data-status': application.status },
    h('td', {}, h('a', { href }, application.candidate.fullName), h('br'), h('span', { class: 'meta' }, application.candidate.email)),
    h('td', {}, titles.get(application.interviewId) ?? application.interviewId),
    h('td', { class: `status status-${application.status}` }, applicationStatusLabels[application.status] ?? application.status),
    h('td', { class: 'score' }, formatScore(application.overallScore)),
    h('td', {}, formatDate(application.updatedAt)));
  tr.addEventListener('dblclick', () => navigate(href));
  return tr;
}
