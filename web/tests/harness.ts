// The real system for the browser tests: the AI backend simulator and AppBackend (real WebApi, Development, a
// throwaway SQLite file) on free loopback ports, and Debian's Chromium driven by playwright-core. Nothing is faked
// but the camera (Chromium's --use-fake-device-for-media-stream).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The repository root: the nearest folder above this file holding AppBackend.sln. */
export const root = (() => {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'AppBackend.sln'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('AppBackend.sln not found above the browser tests');
    folder = parent;
  }
  return folder;
})();
const configuration = process.env['BROWSER_TESTS_CONFIGURATION'] ?? 'Debug';
const resultsDir = path.resolve(process.env['BROWSER_RESULTS_DIR'] ?? path.join(root, 'artifacts/browser'));
// The README's screenshots are refreshed only on request (BROWSER_SCREENSHOTS_DIR=docs/screenshots): a test run
// must not leave the working tree changed.
export const screenshotsDir = path.resolve(process.env['BROWSER_SCREENSHOTS_DIR'] ?? path.join(resultsDir, 'screenshots'));
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const startupTimeoutMs = 120_000;
export const simulatorScore = 83;
export const maxUploadBytes = 3_000_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

class Server_ {
  private process: ChildProcess | null = null;
  constructor(readonly name: string, readonly url: string, private readonly args: string[], private readonly env: Record<string, string>, private readonly log: string) {}

  async start(readyPath: string): Promise<void> {
    const out = createWriteStream(this.log, { flags: 'a' });
    // detached: its own process group, so stop() ends `dotnet run` and the app it started.
    this.process = spawn('dotnet', this.args, { cwd: root, env: { ...process.env, ...this.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.pipe(out);
    this.process.stderr!.pipe(out);
    const gaveUp = new AbortController();
    const exited = new Promise<never>((_, reject) => this.process!.once('exit', (code) => {
      gaveUp.abort();
      reject(new Error(`${this.name} exited with ${code} before it was ready (log: ${this.log})`));
    }));
    exited.catch(() => undefined);
    await Promise.race([waitUntilAnswering(this.url + readyPath, gaveUp.signal), exited]);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { return; }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    await gone;
    clearTimeout(timer);
    this.process = null;
  }
}

/** Readiness of a server being started: its health URL is asked until it answers 2xx or the time is up. */
async function waitUntilAnswering(url: string, gaveUp: AbortSignal): Promise<void> {
  const deadline = Date.now() + startupTimeoutMs;
  while (!gaveUp.aborted) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${startupTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}


export interface System {
  appUrl: string;
  simulatorUrl: string;
  /** The origin allowed by Cors:AllowedOrigins, and one that is not. */
  allowedOrigin: string;
  otherOrigin: string;
  browser: Browser;
  restartAppBackend(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSystem(): Promise<System> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium package (scripts/test.sh does so with apt-get)`);
  }
  if (!existsSync(path.join(root, 'src/WebApi/wwwroot/index.html'))) {
    throw new Error('The web frontend is not built: run npm ci && npm run build in web/ (scripts/browser-tests.sh does)');
  }
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(screenshotsDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'appbackend-browser-'));
  const [simulatorPort, appPort, allowedPort, otherPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const allowedOrigin = `http://localhost:${allowedPort}`;
  const otherOrigin = `http://localhost:${otherPort}`;
  const common = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', ASPNETCORE_ENVIRONMENT: 'Development' };

  const simulator = new Server_('AI backend simulator', simulatorUrl,
    ['run', '--no-build', '-c', configuration, '--project', 'tools/AiBackendSimulator', '--', '--urls', simulatorUrl],
    { ...common, Simulator__CompleteAfter: '00:00:01' },
    path.join(resultsDir, 'simulator.log'));
  const appBackend = new Server_('AppBackend', appUrl,
    ['run', '--no-build', '-c', configuration, '--no-launch-profile', '--project', 'src/WebApi', '--', '--urls', appUrl],
    {
      ...common,
      AI_BACKEND_URL: simulatorUrl,
      PUBLIC_BASE_URL: appUrl,
      Database__Provider: 'sqlite',
      ConnectionStrings__Default: `Data Source=${path.join(work, 'appbackend.db')}`,
      Media__Root: path.join(work, 'media'),
      Media__MaxUploadBytes: String(maxUploadBytes),
      Cors__AllowedOrigins: allowedOrigin,
      Events__KeepAliveInterval: '00:00:05',
    },
    path.join(resultsDir, 'appbackend.log'));

  let browser: Browser | null = null;
  try {
    await Promise.all([simulator.start('/health'), appBackend.start('/health/ready')]);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // launch() gives every run a fresh, empty profile (its own --user-data-dir).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
        '--autoplay-policy=no-user-gesture-required'],
    });
  } catch (error) {
    await Promise.all([appBackend.stop(), simulator.stop()]);
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const openBrowser = browser;
  return {
    appUrl, simulatorUrl, allowedOrigin, otherOrigin, browser: openBrowser,
    async restartAppBackend() {
      await appBackend.stop();
      await appBackend.start('/health/ready');
    },
    async stop() {
      await openBrowser.close().catch(() => undefined);
      await Promise.all([appBackend.stop(), simulator.stop()]);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export async function newPage(system: System, options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await system.browser.newContext({
    baseURL: system.appUrl,
    viewport: { width: options.width ?? 1100, height: 900 },
    permissions: ['camera', 'microphone', 'clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** A static page on its own origin (for the CORS tests). */
export async function servePage(origin: string, html: string): Promise<Server> {
  const port = Number(new URL(origin).port);
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

// --- The API and the simulator, straight from the test (for set-up and for what the pages do not show) ---

export async function devToken(system: System, role: 'recruiter' | 'candidate', sub: string, org = 'acme'): Promise<string> {
  const response = await fetch(`${system.appUrl}/dev/token?role=${role}&sub=${encodeURIComponent(sub)}&org=${org}`);
  if (!response.ok) throw new Error(`dev token: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiCall<T>(system: System, token: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(system.appUrl + route, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function simulatorControl(system: System, method: string, route: string, body?: unknown): Promise<number> {
  const response = await fetch(system.simulatorUrl + route, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return response.status;
}

export interface QuestionSpec { text: string; durationSeconds: number; thinkingSeconds?: number | null; maxTakes?: number | null }

export async function createInterview(system: System, title: string, questions: QuestionSpec[]): Promise<{ id: string; questions: Array<{ id: string; text: string }> }> {
  const token = await devToken(system, 'recruiter', 'rita');
  return apiCall(system, token, 'POST', '/api/interviews', {
    title,
    questions: questions.map((q) => ({ ...q, aiMetadata: { skill: 'communication' } })),
  });
}
