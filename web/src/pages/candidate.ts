// Candidate: the invite link /invite/{interviewId}. Sign in, fill in the form, answer each question (think time
// counted down, then the camera records by itself, stopped at the question's duration; record again while takes
// remain, or pick a file), upload with progress, submit, and watch the analysis live. A failed answer is named and
// recorded again, then the analysis is retried.
import { api } from '../api';
import { alertLine, append, field, h, seconds, setFieldError } from '../dom';
import { openApplicationStream, type ApplicationStream } from '../events';
import { describeProblem, fieldErrors, problemOf, questionLabel } from '../problems';
import { cameraProblem, fileExtension, openCamera, record, stopCamera, type Recording } from '../recorder';
import { currentSession } from '../session';
import { candidateAnalysisLine } from '../status';
import type { Interview, JobApplication, Question, VideoResponse } from '../types';
import { uploadVideo, type UploadHandle } from '../upload';
import { resolveDuration } from '../video';
import { signInForm } from './signin';

interface PageState {
  interview: Interview;
  application: JobApplication | null;
  /** Takes uploaded in this tab per question, for servers whose views do not count them. */
  localTakes: Map<string, number>;
}

export function renderCandidate(main: HTMLElement, [interviewId]: string[]): () => void {
  const cleanups: Array<() => void> = [];
  const cleanupAll = () => { for (const c of cleanups.splice(0)) c(); };
  const view = h('div', { class: 'candidate' });
  main.append(view);

  const start = async () => {
    cleanupAll();
    view.replaceChildren();
    const session = currentSession();
    if (session?.role !== 'candidate') {
      view.append(
        h('h1', {}, 'Your video interview'),
        h('p', {}, 'Sign in to open the interview you were invited to.'),
        signInForm('candidate', () => void start()));
      return;
    }
    const problem = alertLine();
    view.append(problem);
    let interview: Interview;
    try {
      interview = await api.getInterview(interviewId!);
    } catch (error) {
      view.prepend(h('h1', {}, 'Your video interview'));
      problem.show(describeProblem(problemOf(error), { notFound: 'This invite link does not lead to an interview. Please check the link you were sent.' }));
      return;
    }
    let application: JobApplication | null = null;
    try {
      application = (await api.listApplications({ interviewId: interview.id, limit: 1 })).items[0] ?? null;
    } catch {
      application = null;
    }
    const state: PageState = { interview, application, localTakes: new Map() };
    view.replaceChildren(h('h1', {}, interview.title));
    const body = h('div');
    view.append(body);
    const show = () => {
      cleanupAll();
      body.replaceChildren();
      if (!state.application) body.append(applicationForm(state, show));
      else if (state.application.status === 'draft') cleanups.push(answersStep(body, state, show));
      else cleanups.push(analysisStep(body, state));
    };
    show();
  };
  void start();
  return cleanupAll;
}

function applicationForm(state: PageState, next: () => void): HTMLElement {
  const fullName = h('input', { name: 'fullName', required: true, maxlength: 200, autocomplete: 'name' });
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email' });
  const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'tel' });
  const cvUrl = h('input', { name: 'cvUrl', type: 'url', placeholder: 'https://…', autocomplete: 'url' });
  const problem = alertLine();
  const submit = h('button', { type: 'submit' }, 'Start the interview');
  const questions = state.interview.questions;
  const total = questions.reduce((sum, q) => sum + q.durationSeconds, 0);
  const form = h('form', { class: 'card', 'aria-labelledby': 'about-heading', novalidate: true },
    h('p', {}, `${questions.length} question${questions.length === 1 ? '' : 's'}, about ${Math.ceil(total / 60)} minute${total > 60 ? 's' : ''} of answers in all. You answer each with your camera or a video file.`),
    h('h2', { id: 'about-heading' }, 'About you'),
    field('Full name', fullName),
    field('Email', email),
    field('Phone (optional)', phone),
    field('Link to your CV (optional)', cvUrl, 'An https address where your CV can be read.'),
    submit,
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hide();
    for (const input of [fullName, email, phone, cvUrl]) setFieldError(input, []);
    submit.disabled = true;
    try {
      state.application = await api.createApplication(state.interview.id, {
        fullName: fullName.value.trim(),
        email: email.value.trim(),
        phone: phone.value.trim() || null,
        cvUrl: cvUrl.value.trim() || null,
      });
      next();
    } catch (error) {
      const p = problemOf(error);
      const at = (name: string) => [...fieldErrors(p, `candidate.${name}`), ...fieldErrors(p, name)];
      setFieldError(fullName, at('fullName'));
      setFieldError(email, at('email'));
      setFieldError(phone, at('phone'));
      setFieldError(cvUrl, at('cvUrl'));
      problem.show(describeProblem(p, { notFound: 'This interview no longer exists.' }));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function takesOf(state: PageState, question: Question, video: VideoResponse | undefined): number {
  return video?.takes ?? (video ? Math.max(1, state.localTakes.get(question.id) ?? 1) : 0);
}

/** How many more takes are allowed; null = unlimited. */
function takesLeft(state: PageState, question: Question, video: VideoResponse | undefined): number | null {
  if (question.maxTakes == null) return null;
  return Math.max(0, question.maxTakes - takesOf(state, question, video));
}

function answersStep(body: HTMLElement, state: PageState, next: () => void): () => void {
  const questions = state.interview.questions;
  let index = Math.max(0, questions.findIndex((q) => !videoOf(state, q)));
  if (questions.every((q) => videoOf(state, q))) index = questions.length - 1;
  let panelCleanup: (() => void) | null = null;
  const overview = h('ol', { class: 'steps', 'aria-label': 'Questions' });
  const panel = h('section', { class: 'card question-panel', 'aria-live': 'polite' });
  const submitProblem = alertLine();
  const submit = h('button', { type: 'button', class: 'primary' }, 'Submit my answers');

  const renderOverview = () => overview.replaceChildren(...questions.map((q, i) => {
    const done = Boolean(videoOf(state, q));
    return h('li', { class: done ? 'answered' : '' },
      h('button', { type: 'button', class: 'link', 'aria-current': i === index ? 'step' : null, onclick: () => go(i) },
        `Question ${i + 1}`, h('span', { class: 'meta' }, done ? ' · answered' : ' · to do')));
  }));
  const go = (i: number) => {
    panelCleanup?.();
    index = i;
    renderOverview();
    panelCleanup = questionPanel(panel, state, questions[i]!, i, {
      mode: 'draft',
      onUploaded: () => { renderOverview(); submitProblem.hide(); },
      onNext: i + 1 < questions.length ? () => go(i + 1) : null,
    });
  };

  submit.addEventListener('click', async () => {
    submitProblem.hide();
    submit.disabled = true;
    try {
      state.application = await api.submit(state.application!.id);
      next();
    } catch (error) {
      const p = problemOf(error);
      if (p.status === 409) {
        // Submitted meanwhile (another tab): show where it stands.
        try { state.application = await api.getApplication(state.application!.id); } catch { /* keep the message */ }
      }
      submitProblem.show(describeProblem(p, { questions }));
    } finally {
      submit.disabled = false;
    }
  });

  body.append(
    h('p', {}, 'Answer every question, then submit. You can go back to any question before you submit.'),
    overview, panel,
    h('section', { class: 'card', 'aria-labelledby': 'submit-heading' },
      h('h2', { id: 'submit-heading' }, 'Submit'),
      h('p', {}, 'Once submitted, your answers are analysed and can no longer be changed.'),
      submit, submitProblem));
  go(index);
  return () => panelCleanup?.();
}

function videoOf(state: PageState, question: Question): VideoResponse | undefined {
  return state.application?.videoResponses.find((v) => v.questionId === question.id);
}

interface PanelOptions {
  mode: 'draft' | 'failed';
  onUploaded(): void;
  onNext: (() => void) | null;
}

/** One question: think time, recording, preview, upload; or pick a file. */
function questionPanel(panel: HTMLElement, state: PageState, question: Question, index: number, options: PanelOptions): () => void {
  let camera: MediaStream | null = null;
  let cameraOpening: Promise<MediaStream> | null = null;
  let recording: Recording | null = null;
  let upload: UploadHandle | null = null;
  let countdown = 0;
  let closed = false;
  const existing = videoOf(state, question);
  const live = h('video', { class: 'camera', muted: true, autoplay: true, playsinline: true, 'aria-label': 'Your camera' });
  live.muted = true;
  const preview = h('video', { class: 'preview', controls: true, playsinline: true, hidden: true, 'aria-label': 'Your recorded answer' });
  // A MediaRecorder WebM has no duration in its header: learn it, so the preview shows the answer's real length.
  preview.addEventListener('loadedmetadata', () => resolveDuration(preview));
  const status = h('p', { class: 'phase', role: 'status' });
  const timer = h('p', { class: 'timer', 'aria-live': 'off' });
  const progress = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const progressText = h('span', { class: 'meta', hidden: true });
  const problem = alertLine();
  const startButton = h('button', { type: 'button', class: 'primary' }, 'Start recording now');
  const stopButton = h('button', { type: 'button', hidden: true }, 'Stop recording');
  const againButton = h('button', { type: 'button', hidden: true }, 'Record again');
  const file = h('input', { type: 'file', accept: 'video/*', name: 'file' });
  const nextButton = options.onNext ? h('button', { type: 'button', class: 'secondary', hidden: !existing }, 'Next question') : null;
  nextButton?.addEventListener('click', () => options.onNext?.());

  const setPhase = (phase: string, text: string) => {
    panel.dataset['phase'] = phase;
    status.textContent = text;
  };
  const takesNote = () => {
    const left = takesLeft(state, question, videoOf(state, question));
    return left === null ? '' : ` (${left} left)`;
  };
  const mayRecordAgain = () => {
    if (options.mode === 'failed') return true;
    const left = takesLeft(state, question, videoOf(state, question));
    return left === null || left > 0;
  };
  const showDone = () => {
    const takesAllowed = mayRecordAgain();
    againButton.textContent = `Record again${takesNote()}`;
    againButton.hidden = !takesAllowed;
    file.disabled = !takesAllowed;
    startButton.hidden = true;
    stopButton.hidden = true;
    if (nextButton) nextButton.hidden = false;
  };

  const sendBlob = async (blob: Blob, name: string) => {
    problem.hide();
    progress.hidden = false;
    progressText.hidden = false;
    progress.value = 0;
    progressText.textContent = '0 %';
    againButton.hidden = true;
    file.disabled = true;
    setPhase('uploading', 'Uploading your answer…');
    upload = uploadVideo(state.application!.id, question.id, blob, name, (fraction) => {
      progress.value = Math.round(fraction * 100);
      progressText.textContent = `${Math.round(fraction * 100)} %`;
    });
    try {
      const uploaded = await upload.done;
      state.localTakes.set(question.id, (state.localTakes.get(question.id) ?? 0) + 1);
      const app = state.application!;
      const others = app.videoResponses.filter((v) => v.questionId !== question.id);
      state.application = { ...app, videoResponses: [...others, uploaded] };
      try { state.application = await api.getApplication(app.id); } catch { /* the upload's own answer is enough */ }
      panel.dataset['videoResponseId'] = uploaded.videoResponseId;
      setPhase('uploaded', options.mode === 'failed' ? 'Recorded again and uploaded.' : 'Your answer is uploaded.');
      showDone();
      options.onUploaded();
    } catch (error) {
      if (closed) return;
      setPhase('upload-failed', 'The upload did not succeed.');
      problem.show(describeProblem(problemOf(error)));
      const takesAllowed = mayRecordAgain() || !videoOf(state, question);
      againButton.textContent = `Record again${takesNote()}`;
      againButton.hidden = !takesAllowed;
      file.disabled = !takesAllowed;
    } finally {
      upload = null;
    }
  };

  // One opening of the camera at a time: a start while the panel's own opening is under way waits for it, rather
  // than opening a second stream that would replace (and leave running) the first. A failed opening is tried again.
  const cameraStream = (): Promise<MediaStream> => {
    if (camera) return Promise.resolve(camera);
    if (!cameraOpening) {
      const opening = openCamera().then((stream) => {
        if (closed) {
          stopCamera(stream);
          throw new DOMException('The question was left.', 'AbortError');
        }
        camera = stream;
        live.srcObject = stream;
        return stream;
      });
      opening.catch(() => { if (cameraOpening === opening) cameraOpening = null; });
      cameraOpening = opening;
    }
    return cameraOpening;
  };

  const startRecording = async () => {
    window.clearInterval(countdown);
    problem.hide();
    if (!camera) setPhase('camera', 'Starting your camera…');
    let stream: MediaStream;
    try {
      stream = await cameraStream();
    } catch (error) {
      if (closed) return;
      setPhase('no-camera', 'The camera is not available.');
      problem.show(cameraProblem(error));
      return;
    }
    if (closed) return;
    startButton.hidden = true;
    againButton.hidden = true;
    stopButton.hidden = false;
    preview.hidden = true;
    live.hidden = false;
    setPhase('recording', 'Recording…');
    recording = record(stream, question.durationSeconds, (elapsed) => {
      timer.textContent = `Recording ${seconds(elapsed)} of ${seconds(question.durationSeconds)} (${seconds(question.durationSeconds - elapsed)} left)`;
    });
    let blob: Blob;
    try {
      blob = await recording.done;
    } catch (error) {
      setPhase('record-failed', 'The recording failed.');
      problem.show(error instanceof Error ? error.message : 'The recording failed.');
      return;
    } finally {
      recording = null;
      stopButton.hidden = true;
    }
    if (closed) return;
    timer.textContent = '';
    live.hidden = true;
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
    await sendBlob(blob, `answer-${index + 1}.${fileExtension(blob.type)}`);
  };

  const think = () => {
    if (question.thinkingSeconds == null) {
      setPhase('ready', 'Take the time you need to prepare, then start recording.');
      timer.textContent = '';
      return;
    }
    const endsAt = performance.now() + question.thinkingSeconds * 1000;
    const tick = () => {
      const left = (endsAt - performance.now()) / 1000;
      if (left <= 0) {
        window.clearInterval(countdown);
        void startRecording();
        return;
      }
      timer.textContent = `Recording starts by itself in ${seconds(left)}.`;
    };
    setPhase('thinking', 'Read the question and prepare your answer.');
    tick();
    countdown = window.setInterval(tick, 200);
  };

  startButton.addEventListener('click', () => void startRecording());
  stopButton.addEventListener('click', () => recording?.stop());
  againButton.addEventListener('click', () => {
    againButton.hidden = true;
    startButton.hidden = false;
    preview.hidden = true;
    live.hidden = false;
    progress.hidden = true;
    progressText.hidden = true;
    think();
  });
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (!picked) return;
    window.clearInterval(countdown);
    timer.textContent = '';
    preview.src = URL.createObjectURL(picked);
    preview.hidden = false;
    live.hidden = true;
    void sendBlob(picked, picked.name);
    file.value = '';
  });

  const limits = [`up to ${seconds(question.durationSeconds)} to answer`,
    question.thinkingSeconds != null ? `${seconds(question.thinkingSeconds)} to prepare` : 'no time limit to prepare',
    question.maxTakes != null ? `${question.maxTakes} take${question.maxTakes === 1 ? '' : 's'}` : 'as many takes as you like'];
  panel.replaceChildren();
  append(panel,
    h('h2', {}, `Question ${index + 1} of ${state.interview.questions.length}`),
    h('p', { class: 'question-text' }, question.text),
    h('p', { class: 'meta' }, limits.join(' · ')),
    status, timer, live, preview,
    h('div', { class: 'actions' }, startButton, stopButton, againButton),
    h('div', { class: 'upload' }, progress, progressText),
    field('Or pick a video file', file),
    problem,
    nextButton);
  panel.dataset['questionId'] = question.id;

  // The camera opens at once so the candidate sees himself while thinking.
  cameraStream().catch((error: unknown) => { if (!closed) problem.show(cameraProblem(error)); });

  if (existing && options.mode === 'draft') {
    live.hidden = true;
    preview.src = existing.url;
    preview.hidden = false;
    setPhase('uploaded', 'Your answer is uploaded.');
    showDone();
  } else {
    think();
  }

  return () => {
    closed = true;
    window.clearInterval(countdown);
    recording?.stop();
    upload?.abort();
    stopCamera(camera);
  };
}

function analysisStep(body: HTMLElement, state: PageState): () => void {
  const line = h('p', { class: 'analysis', role: 'status', 'aria-live': 'polite', 'data-testid': 'analysis' });
  const connection = h('p', { class: 'meta' });
  const failed = h('div', { class: 'failed' });
  const retryProblem = alertLine();
  const retry = h('button', { type: 'button', class: 'primary', hidden: true }, 'Retry the analysis');
  const questions = state.interview.questions;
  let panelCleanups: Array<() => void> = [];
  let stream: ApplicationStream | null = null;

  // The panels to record failed answers again stay while the application is analysis_failed, also once those
  // answers were recorded again (their status is then uploaded); a newly failed answer renders them anew.
  const rendered = new Set<string>();
  const renderFailures = (application: JobApplication) => {
    const failedVideos = application.videoResponses.filter((v) => v.status === 'analysis_failed');
    if (application.status === 'analysis_failed' && rendered.size > 0 && failedVideos.every((v) => rendered.has(v.questionId))) return;
    for (const c of panelCleanups.splice(0)) c();
    failed.replaceChildren();
    rendered.clear();
    if (application.status !== 'analysis_failed') return;
    failedVideos.forEach((v) => rendered.add(v.questionId));
    const names = failedVideos.map((v) => questionLabel(questions, v.questionId));
    failed.append(h('p', { class: 'problem', role: 'alert' },
      `The analysis of your answer to ${names.join(' and ')} failed. Please record ${failedVideos.length === 1 ? 'it' : 'them'} again, then retry the analysis.`));
    for (const video of failedVideos) {
      const question = questions.find((q) => q.id === video.questionId);
      if (!question) continue;
      const panel = h('section', { class: 'card question-panel' });
      failed.append(panel);
      panelCleanups.push(questionPanel(panel, state, question, questions.indexOf(question), { mode: 'failed', onUploaded: () => {}, onNext: null }));
    }
  };

  const renderStatus = (application: JobApplication) => {
    state.application = application;
    line.textContent = candidateAnalysisLine(application);
    body.dataset['status'] = application.status;
    retry.hidden = !application.allowRetry;
    renderFailures(application);
  };

  retry.addEventListener('click', async () => {
    retryProblem.hide();
    retry.disabled = true;
    try {
      renderStatus(await api.retry(state.application!.id));
    } catch (error) {
      retryProblem.show(describeProblem(problemOf(error)));
    } finally {
      retry.disabled = false;
    }
  });

  body.append(
    h('section', { class: 'card', 'aria-labelledby': 'analysis-heading' },
      h('h2', { id: 'analysis-heading' }, 'Your answers are submitted'),
      line, connection, failed, retry, retryProblem));
  renderStatus(state.application!);
  stream = openApplicationStream(state.application!.id, {
    onView: (view) => renderStatus(view),
    onState: (s) => { connection.textContent = s === 'live' ? 'Live.' : s === 'reconnecting' ? 'Connection lost; reconnecting…' : ''; },
    onProblem: (p) => retryProblem.show(describeProblem(p)),
  });
  return () => {
    stream?.close();
    for (const c of panelCleanups.splice(0)) c();
  };
}
