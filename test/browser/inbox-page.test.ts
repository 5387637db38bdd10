import { readFileSync } from 'node:fs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { artifactPath, browserAvailable, launchChromium } from '../helpers/browser.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const available = browserAvailable();

describe.skipIf(!available)('the agent inbox page in Chromium', { timeout: 60_000 }, () => {
  let t: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const outbox = async () => ((await (await fetch(`${t.stack.url}/local/outbox`)).json()) as { items: Array<{ text: string; to: { handle: string } }> }).items;
  const threads = async (query = '') => (await t.api<{ threads: Thread[] }>(`/api/threads${query}`, 'supervisor')).body.threads;

  async function signedIn(who: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${t.stack.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.click(`button[name=sub][value="${who}"]`);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  beforeAll(async () => {
    t = await startTestStack({ demo: true, mailRetentionDays: 365 });
    await waitFor(async () => ((await threads()).length >= 8 ? true : undefined), { what: 'the demo threads', timeoutMs: 30_000 });
    await t.settled();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('lets an agent sign in, open the most urgent thread, edit and approve its draft with the keyboard alone; the reply reaches the outbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.stack.url}/`);
    // the first demo agent's button has the focus: Enter signs in
    await page.locator('button[name=sub]:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForSelector('html[data-ready="true"]');

    const mostUrgent = (await threads())[0]!;
    const first = page.locator('#worklist-items .item').first();
    expect(await first.getAttribute('data-id')).toBe(mostUrgent.id);

    await page.keyboard.press('j');
    await page.waitForSelector(`article.thread[data-id="${mostUrgent.id}"]`);
    await expect.poll(() => page.locator('.triage .reasons li').count()).toBeGreaterThan(0);
    await page.keyboard.press('e');
    await page.keyboard.type('\n\nPS: we hebben uw zaak met voorrang opgepakt.');
    await page.screenshot({ path: await artifactPath('inbox-1280x800.png') });
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.flash.ok');

    const sent = await waitFor(async () => (await outbox()).find((m) => m.to.handle === mostUrgent.contact.handle), { what: 'the reply in the outbox' });
    expect(sent.text).toContain('PS: we hebben uw zaak met voorrang opgepakt.');
    expect((await outbox()).filter((m) => m.to.handle === mostUrgent.contact.handle)).toHaveLength(1);
  });

  it('shows a mail with script in it sandboxed, and none of its script runs', async () => {
    const raw = readFileSync(new URL('../fixtures/email/html-en-script.eml', import.meta.url), 'utf8')
      .replace('Subject: Charged twice for order 20931', 'Subject: <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>')
      .replace('From: "James Carter" <james.carter@outlook.com>', 'From: "<b onmouseover=alert(1)>Eve</b>" <eve@example.com>');
    expect((await t.postEmail(raw)).status).toBe(202);
    await t.settled();
    const thread = await waitFor(async () => (await threads('?channel=email')).find((th) => th.contact.handle === 'eve@example.com'), {
      what: 'the hostile mail',
    });

    const page = await signedIn('local-agent');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${t.stack.url}/threads/${thread.id}`);
    await page.click('details.email-html summary');
    const frame = page.frameLocator('details.email-html iframe');
    await expect.poll(() => frame.locator('body').innerText()).toContain('charged twice');

    expect(await page.locator('details.email-html iframe').getAttribute('sandbox')).toBe('');
    // the subject and name are shown as the text they are
    expect(await page.locator('#thread-title').innerText()).toContain('<script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.hover('#thread-title');
    expect(await frame.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('downloads an attachment, and once its original expired says so beside the link instead of a failed download', async () => {
    const raw = readFileSync(new URL('../fixtures/email/attachment-pdf.eml', import.meta.url), 'utf8')
      .replace('<att-pdf-1@deboer-bv.nl>', '<att-pdf-browser@deboer-bv.nl>')
      .replace('<mark@deboer-bv.nl>', '<mark.expired@deboer-bv.nl>');
    expect((await t.postEmail(raw)).status).toBe(202);
    await t.settled();
    const thread = await waitFor(async () => (await threads('?channel=email')).find((th) => th.contact.handle === 'mark.expired@deboer-bv.nl'), {
      what: 'the mail with a PDF',
    });
    const page = await signedIn('local-agent');
    await page.goto(`${t.stack.url}/threads/${thread.id}?lang=nl`);
    const link = page.locator('.attachments a', { hasText: 'factuur-2026-1183.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('factuur-2026-1183.pdf');

    const detail = (await t.api<ThreadDetail>(`/api/threads/${thread.id}`, 'supervisor')).body;
    await t.stack.s3Client.send(new DeleteObjectCommand({ Bucket: t.stack.mailBucket, Key: detail.messages[0]!.attachments![0]!.key }));
    await link.click();
    await expect.poll(() => page.locator('.attachments .gone').textContent()).toBe('Het origineel is niet meer beschikbaar (bewaard 365 dagen).');
    expect(new URL(page.url()).pathname).toBe(`/threads/${thread.id}`);
    // a second click asks again and puts the same sentence in place of the first, never a second one
    const href = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForResponse((res) => res.url().endsWith(href) && res.status() === 404), link.click()]);
    await expect.poll(() => page.locator('.attachments .gone').count()).toBe(1);
    expect(await page.locator('.attachments .gone').textContent()).toBe('Het origineel is niet meer beschikbaar (bewaard 365 dagen).');
  });

  it('shows a new message without a reload, and lets a supervisor correct the triage, note, and read the audit trail', async () => {
    const page = await signedIn('local-supervisor');
    const before = await page.locator('#worklist-items .item').count();
    await t.postWhatsapp(
      whatsappTextWebhook({ from: '31655500000', name: 'Live Klant', text: 'Mijn pakket is beschadigd aangekomen, ik wil mijn geld terug!' }),
    );
    const item = page.locator('#worklist-items .item', { hasText: 'Live Klant' });
    await item.waitFor({ timeout: 15_000 });
    expect(await page.locator('#worklist-items .item').count()).toBe(before + 1);

    await item.locator('a').click();
    await page.waitForSelector('article.thread');
    await page.selectOption('form.retriage select[name=category]', 'billing');
    await page.click('form.retriage button[type=submit]');
    await page.waitForSelector('.flash.ok');
    await page.keyboard.press('n');
    await page.keyboard.type('Klant belt morgen terug');
    await page.click('section.notes button[type=submit]');
    await expect.poll(() => page.locator('section.notes li').count()).toBe(1);
    const audit = await page.locator('section.audit').innerText();
    expect(audit).toContain('retriage');
    expect(audit).toContain('note');
    expect(await page.locator('.triage strong').innerText()).toBe('billing');
  });

  it('works on a phone: the list first, then the thread, then back to the list', async () => {
    const page = await signedIn('local-agent', { width: 390, height: 844 });
    await expect.poll(() => page.locator('#worklist').isVisible()).toBe(true);
    expect(await page.locator('#thread-panel').isVisible()).toBe(false);
    await page.locator('#worklist-items .item a').first().click();
    await page.waitForSelector('article.thread');
    expect(await page.locator('#worklist').isVisible()).toBe(false);
    await page.screenshot({ path: await artifactPath('inbox-phone.png'), fullPage: false });
    await page.click('a.back');
    await expect.poll(() => page.locator('#worklist').isVisible()).toBe(true);
  });

  it('gives one agent the send and the other a clear conflict when both approve the same draft at once', async () => {
    const target = (await threads('?status=awaiting_approval')).find((th) => !th.assignee && th.channel === 'whatsapp')!;
    const [demo, noor] = await Promise.all([signedIn('local-agent'), signedIn('local-noor')]);
    for (const page of [demo, noor]) {
      await page.goto(`${t.stack.url}/threads/${target.id}`);
      await page.waitForSelector('#approve-form');
    }
    await Promise.all([demo.keyboard.press('a'), noor.keyboard.press('a')]);
    const flashes = await Promise.all(
      [demo, noor].map(async (p) => (await p.waitForSelector('.flash')).evaluate((el) => ({ kind: el.className, text: el.textContent }))),
    );
    const ok = flashes.filter((f) => f.kind.includes('ok'));
    const refused = flashes.filter((f) => f.kind.includes('error'));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.text).toMatch(/already approved by (Demo Agent|Noor Bakker)/);
    await t.settled();
    expect((await outbox()).filter((m) => m.to.handle === target.contact.handle)).toHaveLength(1);
  });
});
