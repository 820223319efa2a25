// Recruiter: create an interview (questions with duration, think time, takes and aiMetadata as key/value pairs)
// and list the organization's interviews with their candidate invite links.
import { api } from '../api';
import { alertLine, copyText, field, formatDate, h, setFieldError, uniqueId } from '../dom';
import { describeProblem, fieldErrors, problemOf } from '../problems';
import type { Interview, NewInterview, NewQuestion, Problem } from '../types';

export function inviteLink(interviewId: string): string {
  return `${window.location.origin}/invite/${encodeURIComponent(interviewId)}`;
}

export function renderInterviews(main: HTMLElement): void {
  const list = h('ul', { class: 'interviews', 'aria-label': 'Interviews' });
  const listProblem = alertLine();
  const more = h('button', { type: 'button', hidden: true }, 'Show more interviews');
  let cursor: string | null = null;

  const load = async (reset: boolean) => {
    listProblem.hide();
    try {
      const page = await api.listInterviews(reset ? null : cursor);
      if (reset) list.replaceChildren();
      for (const interview of page.items) list.append(interviewItem(interview));
      if (page.items.length === 0 && reset) list.append(h('li', { class: 'empty' }, 'No interviews yet. Create the first one above.'));
      cursor = page.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      listProblem.show(describeProblem(problemOf(error)));
    }
  };
  more.addEventListener('click', () => void load(false));

  main.append(
    h('h1', {}, 'Interviews'),
    createForm(() => void load(true)),
    h('section', { 'aria-labelledby': 'list-heading' }, h('h2', { id: 'list-heading' }, 'Your interviews'), listProblem, list, more));
  void load(true);
}

function interviewItem(interview: Interview): HTMLLIElement {
  const link = inviteLink(interview.id);
  const linkInput = h('input', { readonly: true, value: link, class: 'invite-link', 'data-interview-id': interview.id });
  const copied = h('span', { class: 'copied', role: 'status' });
  const copy = h('button', { type: 'button' }, 'Copy invite link');
  copy.addEventListener('click', async () => {
    const ok = await copyText(link);
    if (!ok) linkInput.select();
    copied.textContent = ok ? 'Copied.' : 'Select the link and copy it with Ctrl+C.';
  });
  return h('li', { class: 'card interview', 'data-interview-id': interview.id },
    h('h3', {}, interview.title),
    h('p', { class: 'meta' }, `${interview.questions.length} question${interview.questions.length === 1 ? '' : 's'} · created ${formatDate(interview.createdAt)}`),
    h('ol', { class: 'question-summary' }, ...interview.questions.map((q) => h('li', {}, q.text, ' ',
      h('span', { class: 'meta' }, `(${q.durationSeconds} s${q.thinkingSeconds != null ? `, ${q.thinkingSeconds} s to think` : ''}${q.maxTakes != null ? `, ${q.maxTakes} take${q.maxTakes === 1 ? '' : 's'}` : ''})`)))),
    field(`Candidate invite link for ${interview.title}`, linkInput),
    h('div', { class: 'actions' }, copy, copied,
      h('a', { href: `/recruiter/applications?interviewId=${encodeURIComponent(interview.id)}` }, 'Applications')));
}

interface QuestionEditor {
  element: HTMLFieldSetElement;
  read(): NewQuestion;
  showErrors(problem: Problem | null, index: number): void;
}

function createForm(onCreated: () => void): HTMLElement {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const questions: QuestionEditor[] = [];
  const questionList = h('div', { class: 'questions' });
  const problem = alertLine();
  const created = h('p', { role: 'status', class: 'ok' });
  const submit = h('button', { type: 'submit' }, 'Create interview');

  const renumber = () => questions.forEach((q, i) => {
    q.element.querySelector('legend')!.textContent = `Question ${i + 1}`;
    q.element.dataset['index'] = String(i);
  });
  const addQuestion = () => {
    const editor = questionEditor(() => {
      if (questions.length === 1) return;
      questions.splice(questions.indexOf(editor), 1);
      editor.element.remove();
      renumber();
    });
    questions.push(editor);
    questionList.append(editor.element);
    renumber();
    return editor;
  };
  addQuestion();

  const form = h('form', { class: 'card', 'aria-labelledby': 'create-heading', novalidate: true },
    h('h2', { id: 'create-heading' }, 'New interview'),
    field('Title', title),
    questionList,
    h('button', { type: 'button', class: 'secondary', onclick: () => { addQuestion().element.querySelector('textarea')!.focus(); } }, 'Add a question'),
    h('div', { class: 'actions' }, submit),
    problem,
    created);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hide();
    created.textContent = '';
    setFieldError(title, []);
    questions.forEach((q, i) => q.showErrors(null, i));
    const body: NewInterview = { title: title.value.trim(), questions: questions.map((q) => q.read()) };
    submit.disabled = true;
    try {
      const interview = await api.createInterview(body);
      created.textContent = `Interview “${interview.title}” created. Copy its invite link below.`;
      title.value = '';
      for (const editor of questions.splice(0)) editor.element.remove();
      addQuestion();
      onCreated();
    } catch (error) {
      const p = problemOf(error);
      setFieldError(title, fieldErrors(p, 'title'));
      questions.forEach((q, i) => q.showErrors(p, i));
      const general = Object.entries(p.errors ?? {}).filter(([key]) => key.toLowerCase() === 'questions').flatMap(([, m]) => m);
      problem.show(general.length > 0 ? `Questions: ${general.join(' ')}` : describeProblem(p));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function optionalNumber(input: HTMLInputElement): number | null {
  const text = input.value.trim();
  return text === '' ? null : Number(text);
}

function questionEditor(onRemove: () => void): QuestionEditor {
  const text = h('textarea', { name: 'text', rows: 2, required: true, maxlength: 2000 });
  const duration = h('input', { name: 'durationSeconds', type: 'number', min: 1, max: 3600, value: 120, required: true, inputmode: 'numeric' });
  const thinking = h('input', { name: 'thinkingSeconds', type: 'number', min: 0, max: 600, inputmode: 'numeric', placeholder: 'unlimited' });
  const takes = h('input', { name: 'maxTakes', type: 'number', min: 1, max: 10, inputmode: 'numeric', placeholder: 'unlimited' });
  const pairs = h('div', { class: 'pairs' });
  const metadataError = alertLine('field-error');
  const pairRows: Array<{ key: HTMLInputElement; value: HTMLInputElement; row: HTMLElement }> = [];
  const group = uniqueId('q');

  const addPair = (key = '', value = '') => {
    const keyInput = h('input', { name: 'metadataKey', value: key, autocomplete: 'off' });
    const valueInput = h('input', { name: 'metadataValue', value, autocomplete: 'off' });
    const entry = { key: keyInput, value: valueInput, row: h('div') };
    const remove = h('button', { type: 'button', class: 'secondary small', 'aria-label': 'Remove this metadata entry' }, 'Remove');
    remove.addEventListener('click', () => {
      pairRows.splice(pairRows.indexOf(entry), 1);
      entry.row.remove();
    });
    entry.row = h('div', { class: 'pair' }, field('Key', keyInput), field('Value', valueInput), remove);
    pairRows.push(entry);
    pairs.append(entry.row);
    return entry;
  };
  addPair('skill', '');

  const element = h('fieldset', { class: 'question', id: group },
    h('legend', {}, 'Question'),
    field('Question text', text),
    h('div', { class: 'row' },
      field('Answer time (seconds)', duration, '1 to 3600.'),
      field('Think time (seconds)', thinking, 'Empty: as long as the candidate wants.'),
      field('Takes allowed', takes, 'Empty: unlimited.')),
    h('fieldset', { class: 'metadata' }, h('legend', {}, 'AI metadata (key and value pairs, sent to the AI backend)'), pairs,
      h('button', { type: 'button', class: 'secondary small', onclick: () => { addPair().key.focus(); } }, 'Add a metadata entry'),
      metadataError),
    h('button', { type: 'button', class: 'secondary small', onclick: onRemove }, 'Remove this question'));

  return {
    element,
    read: () => ({
      text: text.value.trim(),
      durationSeconds: Number(duration.value),
      thinkingSeconds: optionalNumber(thinking),
      maxTakes: optionalNumber(takes),
      aiMetadata: Object.fromEntries(pairRows.filter((p) => p.key.value.trim() !== '').map((p) => [p.key.value.trim(), p.value.value])),
    }),
    showErrors(problem, index) {
      const at = (name: string) => (problem ? fieldErrors(problem, `questions[${index}].${name}`) : []);
      setFieldError(text, at('text'));
      setFieldError(duration, at('durationSeconds'));
      setFieldError(thinking, at('thinkingSeconds'));
      setFieldError(takes, at('maxTakes'));
      const metadata = at('aiMetadata');
      metadataError.show(metadata.length > 0 ? `AI metadata: ${metadata.join(' ')}` : '');
    },
  };
}
