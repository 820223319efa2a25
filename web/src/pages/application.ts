// Recruiter: one application, live. Each question with its answer's player, status and score, the overall score,
// the history timeline, and retry when the application allows it.
import { api } from '../api';
import { alertLine, formatDate, h } from '../dom';
import { openApplicationStream, type StreamState } from '../events';
import { describeProblem, problemOf } from '../problems';
import { applicationStatusLabels, formatScore, videoStatusLabels } from '../status';
import type { HistoryItem, Interview, JobApplication } from '../types';
import { videoPlayer } from '../video';

export function renderApplication(main: HTMLElement, [id]: string[]): () => void {
  const applicationId = id!;
  const heading = h('h1', {}, 'Application');
  const summary = h('section', { class: 'card summary', 'aria-label': 'Summary' });
  const answers = h('section', { 'aria-labelledby': 'answers-heading' }, h('h2', { id: 'answers-heading' }, 'Answers'));
  const answerList = h('ol', { class: 'answers' });
  answers.append(answerList);
  const timeline = h('ol', { class: 'timeline' });
  const historyProblem = alertLine();
  const historySection = h('section', { 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, 'History'), historyProblem, timeline);
  const problem = alertLine();
  const live = h('p', { class: 'meta live', role: 'status' }, 'Connecting…');
  const players = new Map<string, HTMLVideoElement>();
  let interview: Interview | null = null;
  let historyVersion = -1;

  main.append(heading, live, problem, summary, answers, historySection);

  const renderView = (application: JobApplication) => {
    heading.textContent = `Application of ${application.candidate.fullName}`;
    document.title = `${heading.textContent} · AppBackend`;
    main.dataset['status'] = application.status;
    renderSummary(summary, application, interview);
    renderAnswers(answerList, application, interview, players);
  };

  const loadHistory = async () => {
    try {
      const history = await api.history(applicationId);
      historyProblem.hide();
      renderTimeline(timeline, history.items);
    } catch (error) {
      const p = problemOf(error);
      historyProblem.show(p.status === 404 ? 'This server does not keep a history of applications yet.' : describeProblem(p));
    }
  };

  const stateText: Record<StreamState, string> = {
    connecting: 'Connecting…',
    live: 'Live: changes appear as they happen.',
    reconnecting: 'Connection lost; reconnecting…',
    closed: 'Not updating.',
  };
  let stream: ReturnType<typeof openApplicationStream> | null = null;
  void (async () => {
    try {
      const application = await api.getApplication(applicationId);
      try { interview = await api.getInterview(application.interviewId); } catch { interview = null; }
      renderView(application);
    } catch (error) {
      problem.show(describeProblem(problemOf(error), { notFound: 'There is no application at this address, or it belongs to another organization.' }));
      live.textContent = '';
      return;
    }
    stream = openApplicationStream(applicationId, {
      onView: (view, version) => {
        renderView(view);
        if (Number.isNaN(version) || version !== historyVersion) {
          historyVersion = version;
          void loadHistory();
        }
      },
      onState: (state) => { live.textContent = stateText[state]; },
      onProblem: (p) => problem.show(describeProblem(p, { notFound: 'This application is no longer visible to you.' })),
    });
  })();

  // Retry is wired once; the summary shows or hides the button.
  summary.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest('button[data-action="retry"]') as HTMLButtonElement | null;
    if (!button) return;
    const retryProblem = summary.querySelector<HTMLElement>('.retry-problem')!;
    button.disabled = true;
    retryProblem.hidden = true;
    try {
      renderView(await api.retry(applicationId));
    } catch (error) {
      retryProblem.textContent = describeProblem(problemOf(error));
      retryProblem.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  return () => stream?.close();
}

function renderSummary(summary: HTMLElement, application: JobApplication, interview: Interview | null): void {
  const c = application.candidate;
  summary.replaceChildren(...[
    h('dl', { class: 'facts' },
      h('dt', {}, 'Interview'), h('dd', {}, interview?.title ?? application.interviewId),
      h('dt', {}, 'Candidate'), h('dd', {}, c.fullName),
      h('dt', {}, 'Email'), h('dd', {}, h('a', { href: `mailto:${c.email}` }, c.email)),
      c.phone ? h('dt', {}, 'Phone') : null, c.phone ? h('dd', {}, c.phone) : null,
      c.cvUrl ? h('dt', {}, 'CV') : null, c.cvUrl ? h('dd', {}, h('a', { href: c.cvUrl, rel: 'noopener noreferrer', target: '_blank' }, 'Open the CV')) : null,
      h('dt', {}, 'Status'), h('dd', { class: `status status-${application.status}`, 'data-testid': 'application-status' }, applicationStatusLabels[application.status] ?? application.status),
      h('dt', {}, 'Overall score'), h('dd', { class: 'score', 'data-testid': 'overall-score' }, formatScore(application.overallScore)),
      application.failureReason ? h('dt', {}, 'Why it failed') : null,
      application.failureReason ? h('dd', {}, application.failureReason) : null,
      h('dt', {}, 'Started'), h('dd', {}, formatDate(application.createdAt)),
      h('dt', {}, 'Last change'), h('dd', {}, formatDate(application.updatedAt))),
    application.allowRetry
      ? h('div', { class: 'actions' }, h('button', { type: 'button', 'data-action': 'retry' }, 'Retry the analysis'),
        h('p', { class: 'problem retry-problem', role: 'alert', hidden: true }))
      : null].filter((node) => node !== null));
}

function renderAnswers(list: HTMLElement, application: JobApplication, interview: Interview | null, players: Map<string, HTMLVideoElement>): void {
  const questions = interview?.questions ?? application.videoResponses.map((v) => ({ id: v.questionId, text: v.questionId, durationSeconds: 0, aiMetadata: {} }));
  list.replaceChildren(...questions.map((question, index) => {
    const video = application.videoResponses.find((v) => v.questionId === question.id);
    let player: HTMLVideoElement | null = null;
    if (video) {
      // Keep the element (and its playback position) while only its signature changes.
      const known = players.get(video.videoResponseId);
      player = known ?? videoPlayer(video.url, `Answer to question ${index + 1}`);
      players.set(video.videoResponseId, player);
    }
    const result = video ? application.aiAnalysisResults.filter((r) => r.videoResponseId === video.videoResponseId).at(-1) : undefined;
    return h('li', { class: 'card answer', 'data-question-id': question.id },
      h('h3', {}, `Question ${index + 1}`),
      h('p', {}, question.text),
      video && player
        ? h('div', {},
          player,
          h('dl', { class: 'facts' },
            h('dt', {}, 'Status'), h('dd', { class: `status status-${video.status}`, 'data-testid': 'video-status' }, videoStatusLabels[video.status] ?? video.status),
            h('dt', {}, 'Score'), h('dd', { class: 'score', 'data-testid': 'video-score' }, formatScore(video.overallScore)),
            video.takes !== undefined ? h('dt', {}, 'Takes') : null, video.takes !== undefined ? h('dd', {}, String(video.takes)) : null,
            result ? h('dt', {}, 'Analysis') : null, result ? h('dd', {}, `${result.aiAnalysisId}, received ${formatDate(result.receivedAt)}`) : null))
        : h('p', { class: 'meta' }, 'No answer yet.'));
  }));
}

function renderTimeline(list: HTMLElement, items: HistoryItem[]): void {
  list.replaceChildren(...items.map((item) => h('li', { 'data-type': item.type },
    h('time', { datetime: item.at }, formatDate(item.at)), ' ',
    h('strong', {}, item.type.replace(/_/g, ' ')), ' → ',
    h('span', { class: `status status-${item.status}` }, applicationStatusLabels[item.status] ?? item.status),
    h('span', { class: 'meta' }, ` by ${item.actor}`),
    detailsText(item.details) ? h('span', { class: 'details' }, ' · ', detailsText(item.details)) : null)));
}

/** The details an operator needs, without the empty ones. */
function detailsText(details: HistoryItem['details']): string {
  return Object.entries(details ?? {})
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}
