import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, launchChromium } from '../helpers/browser.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const available = browserAvailable();
const historyLabels = (names: string[]) => names.filter((n) => n !== 'Cadeaubon');

describe.skipIf(!available)('the Categories and model page in Chromium', { timeout: 90_000 }, () => {
  let t: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  // the demo shop's history (a bicycle shop, 150 messages in nl, en and de, 6 categories), as README suggests trying
  const history = 'local/demo/fietsenwinkel-history.csv';

  async function signedIn(who: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${t.stack.url}/?lang=nl`);
    await page.click(`button[name=sub][value="${who}"]`);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  beforeAll(async () => {
    t = await startTestStack();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('is for supervisors: agents get no link and a clear refusal', async () => {
    const page = await signedIn('local-agent');
    expect(await page.locator('a.nav').count()).toBe(0);
    const res = await page.goto(`${t.stack.url}/model`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('.flash.error').textContent()).toBe('Alleen supervisors kunnen de categorieën en het triagemodel wijzigen.');
  });

  it('lets a supervisor define a category, train on an uploaded history, read the report and promote the model', async () => {
    const page = await signedIn('local-supervisor');
    await page.click('a.nav');
    await page.waitForSelector('#model-page');
    expect(await page.locator('h1').textContent()).toBe('Categorieën en triagemodel');
    // the shipped categories, described in Dutch until the shop saves its own
    expect(await page.locator('textarea[name=description]').first().inputValue()).toBe('ontevreden over ons: service, vertraging, hoe ze behandeld zijn');

    // a new category in the first empty row, with examples (one per line) that become training rows
    const names = page.locator('input[name=name]');
    const values = await Promise.all((await names.all()).map((n) => n.inputValue()));
    const empty = values.indexOf('');
    await names.nth(empty).fill('Cadeaubon');
    await page.locator('textarea[name=description]').nth(empty).fill('saldo, inwisselen of kwijtgeraakte cadeaubonnen');
    await page
      .locator('textarea[name=examples]')
      .nth(empty)
      .fill('wat is het saldo van mijn cadeaubon?\nmijn cadeaubon code werkt niet bij afrekenen\nkan ik twee cadeaubonnen combineren');
    await page.click('form.categories button[type=submit]');
    await page.waitForSelector('.flash.ok');
    expect(await page.locator('.flash.ok').textContent()).toMatch(/^Categorieën opgeslagen/);
    const row = page.locator('form.categories tr', { has: page.locator('input[value="Cadeaubon"]') });
    expect(await row.locator('.not-in-model').textContent()).toMatch(/^nog niet in het model/);

    // the upload goes gzipped by the script; the runs refresh by themselves until the report is there
    await page.setInputFiles('#upload-form input[type=file]', history);
    await page.click('#upload-form button[type=submit]');
    await page.waitForURL(/done=queued/);
    await page.waitForSelector('.job.status-ready', { timeout: 60_000 });
    await page.click('.job.status-ready details summary');
    const figures = await page.locator('.job.status-ready .figures').textContent();
    expect(figures).toMatch(/^153 regels \(150 uit het bestand, 3 voorbeelden, 0 correcties van medewerkers\) · kruisgevalideerd macro-F1 0\.\d\d/);
    expect(await page.locator('.job.status-ready .report tbody tr th').allTextContents()).toEqual(
      expect.arrayContaining(['Retour en ruil', 'Bezorging', 'Betaling en factuur', 'Storing website', 'Reparatie en garantie', 'Productadvies', 'Cadeaubon']),
    );
    await page.locator('#training-jobs').screenshot({ path: await artifactPath('model-report.png') });

    await page.click('.job.status-ready button:has-text("Dit model gebruiken")');
    await page.waitForSelector('.flash.ok');
    expect(await page.locator('.flash.ok').textContent()).toMatch(/^Het nieuwe model is in gebruik/);
    expect(await page.locator('.job .badge.in-use').count()).toBe(1);
    // the model in use knows the new category now, and so does its row
    expect(await page.locator('.current-model .chips .badge').allTextContents()).toContain('Cadeaubon');
    expect(await row.locator('.in-model').textContent()).toBe('in het model');
    // the categories the history brought are rows to describe, marked as known to the model
    const learned = historyLabels(await page.locator('.current-model .chips .badge').allTextContents());
    for (const name of learned) expect(await page.locator(`form.categories input[name=name][value="${name}"]`).count()).toBe(1);
    await page.screenshot({ path: await artifactPath('model-page-1280x900.png') });

    // the worklist's correction menu offers the promoted model's categories
    const models = (await t.api<{ current: { id: string; categories: string[] } }>('/api/models', 'supervisor')).body;
    expect(models.current.categories).toContain('Cadeaubon');
  });

  it("refuses to save over a colleague's change, says so, and keeps theirs", async () => {
    const [ann, bob] = [await signedIn('local-supervisor'), await signedIn('local-supervisor')];
    for (const page of [ann, bob]) await page.goto(`${t.stack.url}/model`);
    await ann.locator('textarea[name=description]').first().fill('Ann was here');
    await ann.click('form.categories button[type=submit]');
    await ann.waitForSelector('.flash.ok');
    await bob.locator('textarea[name=description]').first().fill('Bob was here');
    await bob.click('form.categories button[type=submit]');
    await bob.waitForSelector('.flash.error');
    expect(await bob.locator('.flash.error').textContent()).toMatch(/changed by someone else/);
    expect(await bob.locator('textarea[name=description]').first().inputValue()).toBe('Ann was here');
  });

  it('says in the page, before sending anything, when a file is over 4 MiB even gzipped, and what to do instead', async () => {
    const page = await signedIn('local-supervisor');
    await page.goto(`${t.stack.url}/model`);
    const before = (await t.api<{ jobs: unknown[] }>('/api/models', 'supervisor')).body.jobs.length;
    // random text does not compress: 6 MB of it is still over 4 MiB gzipped
    const big = `text,category\n${randomBytes(4_500_000).toString('base64')},x\n`;
    await page.setInputFiles('#upload-form input[type=file]', { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    await page.click('#upload-form button[type=submit]');
    await page.waitForSelector('#upload-form .flash.error');
    expect(await page.locator('#upload-form .flash.error').textContent()).toMatch(
      /^Dit bestand is ook gecomprimeerd 4\.\d MB; de pagina neemt tot 4 MB\. Splits het, houd de nieuwste regels, of train het met npm run retrain/,
    );
    expect(new URL(page.url()).pathname).toBe('/model');
    expect((await t.api<{ jobs: unknown[] }>('/api/models', 'supervisor')).body.jobs.length).toBe(before);
  });

  it('fits a phone: the categories as cards, nothing wider than the screen', async () => {
    const page = await signedIn('local-supervisor', { width: 390, height: 844 });
    await page.goto(`${t.stack.url}/model`);
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: await artifactPath('model-page-phone.png') });
  });
});
