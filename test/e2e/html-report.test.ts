import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * The HTML report in a real browser: Debian's chromium (scripts/install-test-deps.sh), driven by
 * playwright-core (no browser download). For each shipped example: the summary counts equal the
 * JSON report's, the severity filters hide and show findings, and the page requests nothing
 * beyond its own file.
 */
const repo = resolve(__dirname, '../..');
const examples = readdirSync(join(repo, 'fixtures/examples'));
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

let browser: Browser;
beforeAll(async () => {
  if (executablePath === undefined) throw new Error('chromium is not installed: run bash scripts/install-test-deps.sh');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(examples)('HTML report of example %s', (example) => {
  it('shows the JSON report\'s counts, filters by severity, and loads nothing from elsewhere', async () => {
    const dir = join(repo, 'fixtures/examples', example);
    const args = ['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'facts.json'), '--fail-on', 'never'];
    const json = JSON.parse((await cli([...args, '--format', 'json'], { cwd: repo })).stdout) as {
      summary: { error: number; warning: number; note: number; notEvaluated: number };
      notEvaluated: { kind?: string }[];
    };
    const html = (await cli([...args, '--format', 'html'], { cwd: repo })).stdout;
    const file = join(await mkdtemp(join(tmpdir(), 'ep-html-')), 'report.html');
    await writeFile(file, html);

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);

    const count = async (id: string): Promise<number> => Number(await page.locator(`#${id}`).textContent());
    expect(await count('count-error')).toBe(json.summary.error);
    expect(await count('count-warning')).toBe(json.summary.warning);
    expect(await count('count-note')).toBe(json.summary.note);
    expect(await count('count-not-evaluated')).toBe(json.summary.notEvaluated);
    expect(await page.locator('li.finding').count()).toBe(json.summary.error + json.summary.warning + json.summary.note);
    expect(await page.locator('#incomplete').count()).toBe(json.notEvaluated.some((n) => n.kind !== 'not-requested') ? 1 : 0);

    // Every finding carries a fix; the not-evaluated list says what to do.
    expect(await page.locator('li.finding .fix').count()).toBe(await page.locator('li.finding').count());
    // (summary.notEvaluated counts both lists: the complete PHS example has only not-requested rules)
    const listed = (await page.locator('#not-evaluated > li').count()) + (await page.locator('#not-requested > li').count());
    expect(listed > 0).toBe(json.summary.notEvaluated > 0);
    expect(await page.locator('#not-evaluated > li .fix, #not-requested > li .fix').count()).toBe(listed);

    // Filters: hide errors, only errors disappear; show them again.
    const visible = (sev: string): Promise<number> => page.locator(`li.finding[data-severity="${sev}"]:visible`).count();
    expect(await visible('error')).toBe(json.summary.error);
    await page.locator('#filter-error').uncheck();
    expect(await visible('error')).toBe(0);
    expect(await visible('warning')).toBe(json.summary.warning);
    await page.locator('#filter-error').check();
    expect(await visible('error')).toBe(json.summary.error);

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 60_000);
});
