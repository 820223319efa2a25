// What a recruiter and a candidate do in the pages, step by step, as a person would (labels and button names).
import type { Page } from 'playwright-core';

export async function signInAsRecruiter(page: Page, name = 'rita', org = 'acme'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Role').selectOption('recruiter');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Organization').fill(org);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
}

/** Opens the invite link, signs in as a candidate and fills in the form. */
export async function startAsCandidate(page: Page, inviteLink: string, who: { sub: string; fullName: string; email: string }, signedIn = false): Promise<void> {
  await page.goto(inviteLink);
  if (!signedIn) {
    await page.getByLabel('Your name').fill(who.sub);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await page.getByLabel('Full name').fill(who.fullName);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Phone (optional)').fill('+90 555 000 00 00');
  await page.getByLabel('Link to your CV (optional)').fill('https://files.example.com/cv/ayse.pdf');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await page.getByRole('heading', { name: /Question 1 of/ }).waitFor();
}

/** The question panel being shown (in the draft, or the one to record a failed answer again), optionally in one phase. */
export function panel(page: Page, questionNumber: number, phase?: string) {
  const selector = phase ? `.question-panel[data-phase="${phase}"]` : '.question-panel';
  return page.locator(selector, { has: page.getByRole('heading', { name: new RegExp(`^Question ${questionNumber} of`) }) });
}

/** Records the shown question with the (fake) camera: the recorder stops by itself at the question's duration. */
export async function recordAnswer(page: Page, questionNumber: number): Promise<string> {
  await panel(page, questionNumber).getByRole('button', { name: 'Start recording now' }).click();
  const uploaded = panel(page, questionNumber, 'uploaded');
  try {
    await uploaded.waitFor();
  } catch (error) {
    throw new Error(`question ${questionNumber} was not uploaded: ${await describePanel(page, questionNumber)}`, { cause: error });
  }
  return (await uploaded.getAttribute('data-video-response-id')) ?? '';
}

/** What a question panel shows (its phase, status line and problem), for a failure message that says where it stopped. */
async function describePanel(page: Page, questionNumber: number): Promise<string> {
  const shown = panel(page, questionNumber);
  if (await shown.count() === 0) return 'its panel is not shown';
  return shown.first().evaluate((element) => {
    const text = (selector: string) => element.querySelector(selector)?.textContent?.trim() || '-';
    return `phase ${element.getAttribute('data-phase') ?? '-'}, status "${text('[role=status]')}", problem "${text('[role=alert]')}"`;
  });
}
