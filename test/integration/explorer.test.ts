/**
 * The offline explorer (GET /explorer): GraphiQL served by the gateway from local packages.
 * Over plain HTTP: the page and every file it loads come from the gateway with a strict
 * Content-Security-Policy, and production has no explorer at all. In headless Chromium
 * (Debian's chromium package; skipped, saying why, where /usr/bin/chromium is missing):
 * a dev token pasted into the page, a query typed and run, and its result read from the
 * result pane, while every request the browser makes is recorded and must go to the
 * gateway's own origin.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_CSP } from '../../gateway/src/explorer/route';
import { gatewayOptions } from '../../gateway/src/platform';
import { createGateway } from '../../gateway/src/server';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { createLogger } from '../../subgraphs/shared/logger';
import { bootStack, type Stack } from '../support/stack';

const CHROMIUM = '/usr/bin/chromium';
/** The flags that let Chromium run headless, as root, on a machine without network. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`explorer.test.ts: the browser tests are SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run installs it)`);
}

let stack: Stack;
let origin: string;
let token: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 200 });
  origin = new URL(stack.platform.gatewayUrl).origin;
  token = await stack.token({ rol: 'gemeente-beleid' });
}, 180_000);
afterAll(() => stack?.stop());

/** The scripts, style sheets and images the page loads, as written in its HTML (not the empty `data:,` icon, which loads nothing). */
function referencedFiles(html: string): string[] {
  return [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((url) => url !== 'data:,');
}

describe('the explorer over HTTP', () => {
  it('serves the page with a CSP that allows this origin only', async () => {
    const res = await fetch(`${origin}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(EXPLORER_CSP);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves every file the page loads itself, none from another host', async () => {
    const html = await (await fetch(`${origin}/explorer`)).text();
    const files = referencedFiles(html);
    expect(files).toEqual(expect.arrayContaining(['/explorer/graphiql.min.js', '/explorer/graphiql.min.css', '/explorer/react.production.min.js']));
    for (const file of files) {
      expect(file, 'a path on this origin').toMatch(/^\/explorer\/[\w.-]+$/);
      const res = await fetch(`${origin}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
  });

  it('answers 404 for an unknown file and 405 for anything but GET', async () => {
    const unknown = await fetch(`${origin}/explorer/../../package.json`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${origin}/explorer/nope.js`)).status).toBe(404);
    const post = await fetch(`${origin}/explorer`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('does not exist in production', async () => {
    const log = createLogger('test', 'silent');
    const gateway = await createGateway({ ...gatewayOptions(stack.config, log, stack.platform.subgraphUrls), production: true });
    const port = await listen(gateway.server, 0, '127.0.0.1');
    try {
      for (const path of ['/explorer', '/explorer/', '/explorer/graphiql.min.js', '/explorer/explorer.js']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status, path).toBe(404);
        expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('NOT_FOUND');
      }
    } finally {
      await closeServer(gateway.server);
      await gateway.stop();
    }
  });
});

describe.skipIf(!hasChromium)('the explorer in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    // playwright-core starts Chromium with a fresh, empty profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(() => browser?.close());

  /**
   * Evaluates browser code in the page. Written as a string: the project's type check has
   * no DOM library (it is server code), and this keeps it that way.
   */
  const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

  /** The text in one of GraphiQL's CodeMirror editors (the editor renders only the visible lines). */
  const editorText = (page: Page, selector: string) =>
    inPage<string>(page, `document.querySelector(${JSON.stringify(selector)})?.CodeMirror.getValue() ?? ''`);
  const storedToken = (page: Page) => inPage<string | null>(page, `sessionStorage.getItem('wmo-explorer:token')`);

  /** Replaces the query in the editor as a person would: click, select all, type. */
  async function typeQuery(page: Page, query: string) {
    await page.click('.graphiql-query-editor .CodeMirror');
    await page.keyboard.press('Control+A');
    // insertText types the text as one input: no auto-closed brackets from the editor.
    await page.keyboard.insertText(query);
  }

  /**
   * Clicks Run and waits until the result pane shows the answer to that request (GraphiQL
   * also writes a failed schema request there). Returns the pane's JSON and the request's
   * Authorization header.
   */
  async function runAndRead(page: Page): Promise<{ pane: any; authorization: string | undefined }> {
    const answered = page.waitForResponse((r) => r.url() === `${origin}/graphql` && !(r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.click('.graphiql-execute-button');
    const response = await answered;
    const body = await response.json();
    let pane: any;
    await expect.poll(async () => (pane = JSON.parse((await editorText(page, '.result-window .CodeMirror')) || 'null')), { timeout: 10_000 }).toEqual(body);
    return { pane, authorization: response.request().headers().authorization };
  }

  it('runs a query with a pasted dev token, and no request leaves the gateway origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: Array<{ url: string; authorization?: string }> = [];
    context.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Before the token is pasted, GraphiQL's schema request is refused (401): the only error expected.
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && pageErrors.push(m.text()));
    page.on('response', (r) => r.status() === 404 && pageErrors.push(`404 ${r.url()}`));
    // A request the CSP blocks never reaches the network; the page reports it as a violation.
    await page.addInitScript(`window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`);

    await page.goto(`${origin}/explorer`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.textContent('.wmo-help')).toContain('npm run --silent token -- --rol gemeente-beleid');

    // Pasting the token makes GraphiQL fetch the schema again, now allowed.
    const schema = page.waitForResponse(async (r) => r.url() === `${origin}/graphql` && (r.request().postData() ?? '').includes('IntrospectionQuery') && r.status() === 200);
    await page.fill('#wmo-token', `  Bearer ${token}\n`);
    await schema;

    const query = '{ wijken { code naam } }';
    await typeQuery(page, query);
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toBe(query);
    const { pane: result, authorization } = await runAndRead(page);
    expect(authorization).toBe(`Bearer ${token}`);
    expect(result.errors).toBeUndefined();
    expect(result.data.wijken).toContainEqual({ code: 'WK008050', naam: 'Heechterp & Schieringen' });
    // The page shows what the API answers, all of it.
    expect(result).toEqual((await stack.query(query, { token })).body);
    await expect.poll(() => page.locator('.result-window').innerText()).toContain('"wijken"');

    // Every request went to the gateway; the GraphQL ones carried the token, and only as a header.
    expect(requests.length).toBeGreaterThanOrEqual(7);
    const elsewhere = requests.filter((r) => new URL(r.url).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/explorer', '/explorer/graphiql.min.js', '/explorer/explorer.js', '/graphql']));
    expect(requests.filter((r) => r.url.includes(token))).toEqual([]);
    expect(page.url()).toBe(`${origin}/explorer`);
    expect(await inPage(page, 'window.cspViolations')).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The token is in this tab's sessionStorage; the explorer keeps nothing at all in localStorage.
    expect(await storedToken(page)).toBe(token);
    expect(await inPage<number>(page, 'localStorage.length')).toBe(0);

    // Forgetting it: the next run is refused.
    await page.click('#wmo-forget');
    expect(await storedToken(page)).toBeNull();
    const refused = await runAndRead(page);
    expect(refused.authorization).toBeUndefined();
    expect(refused.pane.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await context.close();
  });
});
