import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanReplyText, cutForTriage } from '../../shared/channels/email/clean-text.js';
import { looksLikeMail } from '../../shared/channels/email/looks-like-mail.js';
import { parseEmail } from '../../shared/channels/email/parse-email.js';
import { sanitizeEmailHtml } from '../../shared/channels/email/sanitize.js';
import { normaliseSubject, replySubject } from '../../shared/channels/email/subject.js';

const raw = (name: string) => readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
const parse = (name: string) => parseEmail(raw(name));

describe('parsing real-world mail', () => {
  it('decodes quoted-printable UTF-8 and keeps sender, Message-ID and date', async () => {
    const m = await parse('plain-nl.eml');
    expect(m).toMatchObject({
      messageId: '<CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>',
      from: { address: 'sanne.devries@gmail.com', name: 'Sanne de Vries' },
      to: ['support@demoshop.nl'],
      subject: 'Bestelling 10482 nog niet ontvangen',
    });
    expect(m.date?.toISOString()).toBe('2026-11-24T09:12:00.000Z');
    expect(m.text).toContain('het pakket is nog steeds niet bezorgd');
  });

  it.each([
    ['iso-2022-jp.eml', '山田 太郎', 'ご注文について', 'ご注文の商品がまだ届いていません'],
    ['latin1-de.eml', 'Frau Schröder', 'Rechnung über € 120', 'Größe M statt L'],
    ['reply-outlook-nl-cp1252.eml', 'Pieter Jansen', 'RE: Factuur € 49,95 klopt niet', 'voor de € 49,95 die te veel'],
    ['utf8-headers.eml', 'Zoë Çelik', 'Wachtwoord vergeten – inloggen lukt niet 🙁', 'reset-link werkt niet'],
    ['reply-apple-de.eml', 'Jürgen Müller', 'AW: Lieferung verspätet', 'Bitte um Rückmeldung'],
  ])('decodes %s: RFC 2047 words, charsets and encodings', async (file, name, subject, text) => {
    const m = await parse(file);
    expect(m.from?.name).toBe(name);
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(text);
  });

  it('reads In-Reply-To and References, always with angle brackets', async () => {
    const m = await parse('reply-gmail-nl.eml');
    expect(m.inReplyTo).toBe('<balie.outbound.1@demoshop.nl>');
    expect(m.references).toEqual(['<CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>', '<balie.outbound.1@demoshop.nl>']);
  });

  it('derives a stable Message-ID from the bytes when the mail has none', async () => {
    const [a, b] = await Promise.all([parse('missing-message-id.eml'), parse('missing-message-id.eml')]);
    expect(a.messageIdDerived).toBe(true);
    expect(a.messageId).toMatch(/^<[0-9a-f]{32}@balie\.derived>$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it('reads a mail with bare \\n line endings', async () => {
    expect((await parse('bare-lf.eml')).text.trim()).toBe('Wordt er ook op zaterdag bezorgd?');
  });

  it('survives malformed headers: broken address, bad encoded word, no date, a 5,000-character header, an unknown charset', async () => {
    const m = await parse('malformed-headers.eml');
    expect(m.text).toContain('My order did not arrive');
    expect(m.messageId).toBe('<no-angle-brackets@example.com>');
    expect(m.date).toBeUndefined();
  });

  it('keeps attachments with their type and inline images with their Content-ID', async () => {
    expect((await parse('attachment-pdf.eml')).attachments).toMatchObject([
      { filename: 'factuur-2026-1183.pdf', contentType: 'application/pdf', inline: false },
    ]);
    expect((await parse('html-en-script.eml')).attachments).toMatchObject([{ filename: 'logo.png', contentId: '<logo123@example.com>', inline: true }]);
  });

  it.each([
    ['bounce.eml', 'bounce'],
    ['out-of-office-nl.eml', 'auto_reply'],
    ['autoreply-x-autoreply.eml', 'auto_reply'],
    ['mailing-list.eml', 'list'],
    ['plain-nl.eml', undefined],
    ['reply-gmail-nl.eml', undefined],
  ])('marks %s as %s', async (file, kind) => {
    expect((await parse(file)).automated).toBe(kind);
  });
});

describe('clean text for triage', () => {
  it.each([
    ['reply-gmail-nl.eml', 'Dit is de derde keer dat ik contact opneem!', 'Op di 24 nov'],
    ['reply-outlook-nl-cp1252.eml', 'Graag een snelle reactie.', 'Verzonden:'],
    ['reply-apple-de.eml', 'Bitte um Rückmeldung.', 'schrieb'],
    ['attachment-pdf.eml', 'het BTW-bedrag klopt niet', 'De Boer BV'],
  ])('keeps what the customer wrote in %s and drops the quoted history and signature', async (file, kept, dropped) => {
    const clean = cleanReplyText((await parse(file)).text);
    expect(clean.text).toContain(kept);
    expect(clean.text).not.toContain(dropped);
    expect(clean.stripped).toBe(true);
  });

  it('drops "Verzonden vanaf mijn iPhone" and "Von meinem iPhone gesendet"', () => {
    expect(cleanReplyText('Waar is mijn pakket?\n\nVerzonden vanaf mijn iPhone').text).toBe('Waar is mijn pakket?');
    expect(cleanReplyText('Wo ist mein Paket?\n\nVon meinem iPhone gesendet').text).toBe('Wo ist mein Paket?');
  });

  it('drops > quoted lines and "-----Oorspronkelijk bericht-----"', () => {
    expect(cleanReplyText('Nog een vraag.\n\n-----Oorspronkelijk bericht-----\nVan: x\nAan: y\n\noud').text).toBe('Nog een vraag.');
    expect(cleanReplyText('Klopt.\n\n> vorige tekst\n> meer').text).toBe('Klopt.');
  });

  it('keeps a bare forward whole, so triage still has text', () => {
    const text = '---------- Forwarded message ---------\nFrom: a@b.c\nDate: x\n\nHelp!';
    expect(cleanReplyText(text).text).toContain('Help!');
  });

  it('cuts text over the limit on a word boundary, with a mark', () => {
    const cut = cutForTriage('woord '.repeat(3000), 8000);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(8004);
    expect(cut.text.endsWith('woord […]')).toBe(true);
    expect(cutForTriage('kort', 8000)).toEqual({ text: 'kort', truncated: false });
  });
});

describe('HTML sanitizing', () => {
  const dirty = `<p onclick="x()">Hi <a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>
    <a href="https://shop.nl/order/1">order</a><img src="https://t.example/p.gif"><img src="cid:logo@x"><img src="x" onerror="alert(1)">
    <svg onload="alert(1)"></svg><form action="https://evil"><input name="card"></form><iframe src="https://evil"></iframe>
    <style>body{display:none}</style><script>alert(1)</script><object data="x.swf"></object><img src="data:image/svg+xml;base64,PHN2Zz4="></p>`;

  it('removes scripts, event handlers, javascript: URLs, forms, frames, SVG and styles', () => {
    const { html } = sanitizeEmailHtml(dirty);
    for (const bad of [
      '<script',
      'onclick',
      'onerror',
      'onload',
      'javascript:',
      '<form',
      '<input',
      '<iframe',
      '<svg',
      '<style',
      '<object',
      'alert(',
      'svg+xml',
    ]) {
      expect(html.toLowerCase()).not.toContain(bad.toLowerCase());
    }
    expect(html).toContain('<a href="https://shop.nl/order/1" rel="noopener noreferrer nofollow" target="_blank">order</a>');
  });

  it('does not load remote images and links inline images to their stored attachment', () => {
    const { html, remoteImagesBlocked } = sanitizeEmailHtml(dirty, new Map([['logo@x', 'mail/1/attachments/0-logo.png']]));
    expect(remoteImagesBlocked).toBe(1);
    expect(html).toContain('data-remote-src="https://t.example/p.gif"');
    expect(html).not.toMatch(/\ssrc="https:/);
    expect(html).toContain('data-attachment-key="mail/1/attachments/0-logo.png"');
  });
});

describe('subjects', () => {
  it.each([
    ['Re: Bestelling 10482', 'bestelling 10482'],
    ['RE: AW: Antw: Fwd: Bestelling  10482', 'bestelling 10482'],
    ['Doorst: [Ticket] WG: Factuur', 'factuur'],
    ['Re[2]: Vraag', 'vraag'],
  ])('normalises %j to %j', (subject, key) => {
    expect(normaliseSubject(subject)).toBe(key);
  });

  it('adds "Re: " once', () => {
    expect(replySubject('Bestelling')).toBe('Re: Bestelling');
    expect(replySubject('RE: Bestelling')).toBe('RE: Bestelling');
  });
});

describe('what counts as a mail at /local/email', () => {
  it('accepts every fixture and refuses plain text, JSON and binary', () => {
    for (const file of ['plain-nl.eml', 'bare-lf.eml', 'malformed-headers.eml', 'iso-2022-jp.eml']) expect(looksLikeMail(raw(file))).toBe(true);
    for (const body of ['hello, this is not a mail', '{"from":"x"}', '\u0000\u0001From: x\n\nbody']) expect(looksLikeMail(Buffer.from(body))).toBe(false);
  });
});

describe('review fixes', () => {
  it('drops img data attributes a sender wrote, so the UI never trusts them', () => {
    const { html } = sanitizeEmailHtml(
      '<img data-remote-src="javascript:alert(1)" data-attachment-key="mail/OTHER/attachments/0-passport.pdf"><img src="cid:unknown@x" data-attachment-key="mail/OTHER/x">',
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('mail/OTHER');
  });

  it('does not call a customer question about office hours an auto-reply, and reads an empty Return-Path as a bounce', async () => {
    const question = Buffer.from(
      'From: Klant <klant@example.nl>\r\nSubject: Out of office hours delivery?\r\nMessage-ID: <q1@example.nl>\r\n\r\nCan you deliver after 18:00?\r\n',
    );
    expect((await parseEmail(question)).automated).toBeUndefined();
    const bounce = Buffer.from(
      'Return-Path: <>\r\nFrom: Postbox <notices@mail.example>\r\nSubject: Undeliverable\r\nMessage-ID: <b1@mail.example>\r\n\r\nCould not deliver.\r\n',
    );
    expect((await parseEmail(bounce)).automated).toBe('bounce');
  });

  it('answers a contact form at its Reply-To and does not call its noreply sender a machine', async () => {
    const form = Buffer.from(
      'From: Webshop <noreply@shop.nl>\r\nReply-To: Klant <klant@example.nl>\r\nSubject: Contactformulier\r\nMessage-ID: <f1@shop.nl>\r\n\r\nWaar is mijn bestelling?\r\n',
    );
    const m = await parseEmail(form);
    expect([m.automated, m.replyTo]).toEqual([undefined, 'klant@example.nl']);
  });

  it('reads several ids in In-Reply-To and keeps the last', async () => {
    const reply = Buffer.from('From: a@b.nl\r\nSubject: Re: x\r\nIn-Reply-To: <one@shop.nl> <two@shop.nl>\r\nMessage-ID: <r1@b.nl>\r\n\r\nok\r\n');
    expect((await parseEmail(reply)).inReplyTo).toBe('<two@shop.nl>');
  });

  it('keeps a customer\'s own "Op 3 maart schreef ik jullie al…"; only an attribution line starts history', () => {
    const text =
      'Hallo,\n\nOp 3 maart schreef ik jullie al over de kapotte lamp, en ik wil mijn geld terug.\nAnders stap ik naar de geschillencommissie.\n\nGroet, Eva';
    expect(cleanReplyText(text).text).toContain('geschillencommissie');
  });
});
