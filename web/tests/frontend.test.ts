// The web frontend in real Chromium against the real AppBackend and AI backend simulator (see harness.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import {
  apiCall, createInterview, devToken, maxUploadBytes, newPage, screenshot, servePage, simulatorControl, simulatorScore, startSystem, type System,
} from './harness.js';
import { panel, recordAnswer, signInAsRecruiter, startAsCandidate } from './flows.js';

const testTimeout = { timeout: 180_000 };
let system: System;
let recruiter: Page;
let inviteLink = '';
let completedApplicationId = '';

describe('the web frontend', { timeout: 900_000 }, () => {
  before(async () => {
    system = await startSystem();
    recruiter = (await newPage(system)).page;
  });
  after(async () => {
    await system?.stop();
  });

  test('a recruiter signs in, is told what is wrong next to the field, creates an interview and copies its invite link', testTimeout, async () => {
    await signInAsRecruiter(recruiter);
    await recruiter.getByLabel('Title').fill('Backend Engineer');
    const first = recruiter.locator('fieldset.question').nth(0);
    await first.getByLabel('Question text').fill('Tell us about a hard bug.');
    await first.getByLabel('Answer time (seconds)').fill('0');
    await first.getByLabel('Value').fill('problem_solving');
    await recruiter.getByRole('button', { name: 'Create interview' }).click();
    // The 400's message for questions[0].durationSeconds is shown under that very field.
    const durationError = first.locator('.field', { has: recruiter.getByLabel('Answer time (seconds)') }).locator('.field-error');
    await durationError.waitFor();
    assert.match(await durationError.innerText(), /\S/);

    await first.getByLabel('Answer time (seconds)').fill('2');
    await recruiter.getByRole('button', { name: 'Add a question' }).click();
    const second = recruiter.locator('fieldset.question').nth(1);
    await second.getByLabel('Question text').fill('Why do you want to join us?');
    await second.getByLabel('Answer time (seconds)').fill('2');
    await second.getByLabel('Key').fill('language');
    await second.getByLabel('Value').fill('en');
    await second.getByRole('button', { name: 'Add a metadata entry' }).click();
    await second.getByLabel('Key').nth(1).fill('skill');
    await second.getByLabel('Value').nth(1).fill('motivation');
    await recruiter.getByRole('button', { name: 'Create interview' }).click();
    await recruiter.getByText('Interview “Backend Engineer” created.').waitFor();
    assert.equal(await durationError.isHidden(), true);

    const item = recruiter.locator('li.interview', { hasText: 'Backend Engineer' });
    inviteLink = await item.getByLabel('Candidate invite link for Backend Engineer').inputValue();
    assert.match(inviteLink, new RegExp(`^${system.appUrl}/invite/[^/]+$`));
    await item.getByRole('button', { name: 'Copy invite link' }).click();
    await item.getByText('Copied.').waitFor();
    assert.equal(await recruiter.evaluate(() => navigator.clipboard.readText()), inviteLink);
    await screenshot(recruiter, 'recruiter-interviews');
  });

  test('a candidate opens the invite link, records every answer, submits and sees the analysis start and complete', testTimeout, async () => {
    const { page, context } = await newPage(system);
    await startAsCandidate(page, inviteLink, { sub: 'ayse', fullName: 'Ayşe Yılmaz', email: 'ayse@example.com' });
    await recordAnswer(page, 1);
    const progress = panel(page, 1).getByLabel('Upload progress');
    assert.equal(await progress.evaluate((p) => (p as HTMLProgressElement).value), 100);
    await panel(page, 1).getByRole('button', { name: 'Next question' }).click();
    await recordAnswer(page, 2);
    await screenshot(page, 'candidate-question');
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByText(/^Analysis started/).waitFor();
    await page.getByText(`Analysis completed, score ${simulatorScore}.`).waitFor();
    await screenshot(page, 'candidate-completed');
    completedApplicationId = (await apiCall<{ items: Array<{ id: string }> }>(system, await devToken(system, 'candidate', 'ayse'), 'GET', '/api/applications')).items[0]!.id;
    await context.close();
  });

  test('the recruiter sees the live status, both scores, and plays an answer', testTimeout, async () => {
    await recruiter.getByRole('link', { name: 'Applications' }).first().click();
    await recruiter.getByLabel('Status').selectOption('completed');
    const row = recruiter.locator(`tr[data-application-id="${completedApplicationId}"]`);
    await row.getByText('Completed').waitFor();
    await screenshot(recruiter, 'recruiter-applications');
    await row.getByRole('link', { name: 'Ayşe Yılmaz' }).click();
    await recruiter.getByTestId('overall-score').getByText(String(simulatorScore)).waitFor();
    const scores = recruiter.getByTestId('video-score');
    assert.equal(await scores.count(), 2);
    assert.deepEqual(await scores.allInnerTexts(), [String(simulatorScore), String(simulatorScore)]);
    assert.deepEqual(await recruiter.getByTestId('video-status').allInnerTexts(), ['Analysed', 'Analysed']);

    const video = recruiter.getByLabel('Answer to question 1');
    const duration = await video.evaluate(async (element) => {
      const v = element as HTMLVideoElement;
      v.muted = true;
      await v.play();
      await new Promise<void>((resolve) => v.addEventListener('ended', () => resolve(), { once: true }));
      return v.duration;
    });
    assert.ok(Number.isFinite(duration) && duration > 1 && duration < 4, `the 2 s answer plays for ${duration} s`);
    await screenshot(recruiter, 'recruiter-application');
  });

  test('the recruiter reads the history of the application', testTimeout, async () => {
    await recruiter.goto(`/recruiter/applications/${completedApplicationId}`);
    const timeline = recruiter.locator('.timeline');
    await timeline.locator('li[data-type="submitted"]').waitFor();
    const types = await timeline.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-type')));
    assert.equal(types[0], 'created');
    assert.ok(types.includes('result_applied'), `history: ${types.join(', ')}`);
  });

  test('think time counts down and starts the recording by itself; record again is offered only while takes remain', testTimeout, async () => {
    const interview = await createInterview(system, 'Takes and think time', [
      { text: 'Introduce yourself.', durationSeconds: 2, thinkingSeconds: 3, maxTakes: 2 },
    ]);
    const { page, context } = await newPage(system);
    await startAsCandidate(page, `${system.appUrl}/invite/${interview.id}`, { sub: 'tom', fullName: 'Tom Thinker', email: 'tom@example.com' });
    await panel(page, 1).getByText(/^Recording starts by itself in/).waitFor();
    await panel(page, 1, 'recording').waitFor();
    await panel(page, 1, 'uploaded').waitFor();
    const again = panel(page, 1).getByRole('button', { name: 'Record again (1 left)' });
    await again.click();
    await panel(page, 1, 'recording').waitFor();
    await panel(page, 1, 'uploaded').waitFor();
    await panel(page, 1).getByText('Your answer is uploaded.').waitFor();
    assert.equal(await panel(page, 1).getByRole('button', { name: /Record again/ }).isHidden(), true);
    assert.equal(await panel(page, 1).getByLabel('Or pick a video file').isDisabled(), true);
    await context.close();
  });

  test('a failed answer is named, recorded again, and the retried analysis completes', testTimeout, async () => {
    const interview = await createInterview(system, 'Retry after a failed video', [
      { text: 'What is your biggest strength?', durationSeconds: 2 },
      { text: 'Describe a project you are proud of.', durationSeconds: 2 },
    ]);
    const { page, context } = await newPage(system);
    await startAsCandidate(page, `${system.appUrl}/invite/${interview.id}`, { sub: 'fay', fullName: 'Fay Failed', email: 'fay@example.com' });
    await recordAnswer(page, 1);
    await panel(page, 1).getByRole('button', { name: 'Next question' }).click();
    const failing = await recordAnswer(page, 2);
    assert.notEqual(failing, '');
    assert.equal(await simulatorControl(system, 'POST', `/control/videos/${failing}/fail`, { error: 'no face detected' }), 204);

    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByText('The analysis of your answer to question 2 (“Describe a project you are proud of.”) failed.', { exact: false }).waitFor();
    await screenshot(page, 'candidate-failed');
    // The recruiter sees the failure too, and could retry it himself.
    const failedApplication = (await apiCall<{ items: Array<{ id: string }> }>(system, await devToken(system, 'recruiter', 'rita'), 'GET',
      `/api/applications?interviewId=${interview.id}`)).items[0]!;
    await recruiter.goto(`/recruiter/applications/${failedApplication.id}`);
    await recruiter.getByTestId('application-status').getByText('Analysis failed').waitFor();
    await recruiter.getByRole('button', { name: 'Retry the analysis' }).waitFor();
    assert.deepEqual(await recruiter.getByTestId('video-status').allInnerTexts(), ['Analysed', 'Analysis failed']);
    await recordAnswer(page, 2);
    await panel(page, 2).getByText('Recorded again and uploaded.').waitFor();
    await simulatorControl(system, 'DELETE', `/control/videos/${failing}/fail`);
    await page.getByRole('button', { name: 'Retry the analysis' }).click();
    await page.getByText(`Analysis completed, score ${simulatorScore}.`).waitFor();
    await context.close();
  });

  test('problems are told as sentences next to what caused them (404 invite, 415 not a video, 413 too large, 422 unanswered, 409 already submitted, 401)', testTimeout, async () => {
    const { page, context } = await newPage(system);
    await page.goto('/invite/no-such-interview');
    await page.getByLabel('Your name').fill('nora');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('This invite link does not lead to an interview. Please check the link you were sent.').waitFor();

    const interview = await createInterview(system, 'Problems', [
      { text: 'First question', durationSeconds: 2 },
      { text: 'Second question', durationSeconds: 2 },
    ]);
    await startAsCandidate(page, `${system.appUrl}/invite/${interview.id}`, { sub: 'nora', fullName: 'Nora Problem', email: 'nora@example.com' }, true);
    const picker = panel(page, 1).getByLabel('Or pick a video file');
    await picker.setInputFiles({ name: 'notes.mp4', mimeType: 'video/mp4', buffer: Buffer.from('these are my notes, not a video') });
    await panel(page, 1).getByText('This file is not a video AppBackend accepts.', { exact: false }).waitFor();

    const webmHeader = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d]);
    const big = Buffer.concat([webmHeader, Buffer.alloc(maxUploadBytes + 1024)]);
    await picker.setInputFiles({ name: 'long.webm', mimeType: 'video/webm', buffer: big });
    await panel(page, 1).getByText('The video file is too large for AppBackend.', { exact: false }).waitFor();

    await recordAnswer(page, 1);
    const submit = page.getByRole('button', { name: 'Submit my answers' });
    await submit.click();
    const submitSection = page.locator('section', { has: submit });
    await submitSection.getByText('Every question needs an answer before you submit: question 2 (“Second question”) has no video yet.').waitFor();
    await screenshot(page, 'candidate-problem');

    // Submitted meanwhile elsewhere (here: straight through the API): the page says so next to Submit.
    await panel(page, 1).getByRole('button', { name: 'Next question' }).click();
    await recordAnswer(page, 2);
    const applicationId = (await apiCall<{ items: Array<{ id: string }> }>(system, await devToken(system, 'candidate', 'nora'), 'GET',
      `/api/applications?interviewId=${interview.id}`)).items[0]!.id;
    await apiCall(system, await devToken(system, 'candidate', 'nora'), 'POST', `/api/applications/${applicationId}/submit`);
    await submit.click();
    await submitSection.getByText('This application has already been submitted, so it can no longer be changed.').waitFor();

    // A sign-in that is no longer accepted (a token the server refuses) is told as such.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('appbackend.session')!);
      session.token = `${session.token.split('.').slice(0, 2).join('.')}.bad-signature`;
      sessionStorage.setItem('appbackend.session', JSON.stringify(session));
    });
    await submit.click();
    await submitSection.getByText('You are not signed in, or your sign-in has expired. Please sign in again.').waitFor();
    await context.close();
  });

  test('the pages are readable at 360 px and usable with the keyboard alone', testTimeout, async () => {
    const { page, context } = await newPage(system, { width: 360 });
    await page.goto('/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    await page.getByLabel('Role').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'sub');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('kim');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'org');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
    // The organization's interviews (the earlier tests made them) are listed too, so their cards are measured.
    await page.getByRole('heading', { name: 'Backend Engineer', level: 3 }).waitFor();
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth);
    // Every control has a label (a <label for>, or aria-label where there is no visible one).
    const unlabelled = async () => page.evaluate(() => [...document.querySelectorAll('input, select, textarea, video, progress')]
      .filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label'))
      .map((c) => c.outerHTML.slice(0, 80)));
    assert.deepEqual(await unlabelled(), []);
    assert.ok((await overflow()) <= 360, `interviews page is ${await overflow()} px wide`);
    await screenshot(page, 'recruiter-interviews-360px');

    await page.goto(inviteLink);
    await page.getByLabel('Your name').fill('mia');
    await page.getByLabel('Your name').press('Enter');
    await page.getByLabel('Full name').fill('Mia Mobile');
    await page.getByLabel('Email').fill('mia@example.com');
    await page.getByLabel('Email').press('Enter');
    const start = panel(page, 1).getByRole('button', { name: 'Start recording now' });
    await start.focus();
    await page.keyboard.press('Enter');
    await panel(page, 1, 'uploaded').waitFor();
    assert.ok((await overflow()) <= 360, `candidate page is ${await overflow()} px wide`);
    assert.deepEqual(await unlabelled(), []);
    await screenshot(page, 'candidate-360px');
    await context.close();
  });

  test('a page on another origin listed in Cors:AllowedOrigins reaches the API; an unlisted one is refused', testTimeout, async () => {
    const html = '<!doctype html><html lang="en"><title>partner</title><body><p>A partner page</p></body></html>';
    const allowed = await servePage(system.allowedOrigin, html);
    const other = await servePage(system.otherOrigin, html);
    try {
      const token = await devToken(system, 'recruiter', 'rita');
      const { page, context } = await newPage(system);
      const call = (origin: string) => page.goto(origin).then(() => page.evaluate(async ({ api, token }) => {
        try {
          const response = await fetch(`${api}/api/interviews`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Request-Id': 'from-partner-page' },
            body: JSON.stringify({ title: 'Cross-origin', questions: [{ text: 'Hello?', durationSeconds: 5, aiMetadata: { skill: 'x' } }] }),
          });
          return { status: response.status, location: response.headers.get('Location'), requestId: response.headers.get('X-Request-Id'), error: null };
        } catch (error) {
          return { status: 0, location: null, requestId: null, error: String(error) };
        }
      }, { api: system.appUrl, token }));

      const fromAllowed = await call(system.allowedOrigin);
      assert.equal(fromAllowed.status, 201, JSON.stringify(fromAllowed));
      assert.match(fromAllowed.location ?? '', /^\/api\/interviews\/.+/);
      assert.equal(fromAllowed.requestId, 'from-partner-page');

      const fromOther = await call(system.otherOrigin);
      assert.equal(fromOther.status, 0, 'the browser must refuse the answer to an unlisted origin');
      assert.match(fromOther.error ?? '', /TypeError/);
      await context.close();
    } finally {
      allowed.close();
      other.close();
    }
  });

  test('a dropped event stream reconnects with Last-Event-ID and the page keeps up', testTimeout, async () => {
    const interview = await createInterview(system, 'Stream resume', [{ text: 'Only question', durationSeconds: 5 }]);
    const candidateToken = await devToken(system, 'candidate', 'sam');
    const application = await apiCall<{ id: string }>(system, candidateToken, 'POST', '/api/applications', {
      interviewId: interview.id, candidate: { fullName: 'Sam Stream', email: 'sam@example.com' },
    });
    await apiCall(system, candidateToken, 'POST', `/api/applications/${application.id}/video-responses`, {
      questionId: interview.questions[0]!.id, videoUrl: 'http://videos.example.com/sam.mp4',
    });

    const streams: Request[] = [];
    recruiter.on('request', (request) => { if (request.url().endsWith(`/api/applications/${application.id}/events`)) streams.push(request); });
    await recruiter.goto(`/recruiter/applications/${application.id}`);
    await recruiter.getByText('Live: changes appear as they happen.').waitFor();
    await recruiter.getByTestId('application-status').getByText('Draft (not submitted)').waitFor();

    await system.restartAppBackend();
    await recruiter.waitForFunction(() => Number(document.body.dataset['streamReconnects'] ?? 0) >= 1);
    await recruiter.getByText('Live: changes appear as they happen.').waitFor();
    const resumed = streams.at(-1)!;
    assert.ok(streams.length >= 2, 'the page opened the stream again');
    assert.match((await resumed.allHeaders())['last-event-id'] ?? '', /^\d+$/);

    await apiCall(system, candidateToken, 'POST', `/api/applications/${application.id}/submit`);
    await recruiter.getByTestId('application-status').getByText('Completed').waitFor();
    await recruiter.getByTestId('overall-score').getByText(String(simulatorScore)).waitFor();
  });
});
