import { postSignedWebhook, whatsappTextWebhook } from './whatsapp-payloads.js';

/** A morning's worth of real-sounding WhatsApp traffic for the demo shop, in Dutch and English. */
export const DEMO_MESSAGES = [
  { from: '31612345678', name: 'Sanne de Vries', text: 'Hoi, waar blijft mijn bestelling 10482? Ik heb al 3 keer gebeld en nog steeds niks ontvangen.' },
  { from: '447700900123', name: 'James Carter', text: 'I was charged twice for order 20931. Please refund the second payment.' },
  { from: '31687654321', name: 'Pieter Jansen', text: 'Ik kan niet inloggen in de app, ik krijg steeds een foutmelding bij mijn wachtwoord.' },
  {
    from: '14155550142',
    name: 'Maria Lopez',
    text: 'This is unacceptable. Third time my delivery is late. I will cancel my subscription and contact my lawyer.',
  },
  { from: '32470123456', name: 'Lotte Peeters', text: 'Hallo, zijn jullie winkels op zondag open?' },
  { from: '4915112345678', name: 'Jonas Weber', text: 'Guten Tag, mein Paket ist noch nicht angekommen. Können Sie helfen?' },
] as const;

/** Two mails through /local/email, the path SES → S3 → ingest-email takes in AWS. */
export const DEMO_EMAILS = [
  {
    from: 'Eva Bakker <eva.bakker@ziggo.nl>',
    subject: 'Factuur 2026-0419: bedrag klopt niet',
    body: 'Goedemiddag,\r\n\r\nOp factuur 2026-0419 staat EUR 89,95 maar in de webshop was het EUR 79,95. Kunt u dit corrigeren?\r\n\r\nMet vriendelijke groet,\r\nEva Bakker',
  },
  {
    from: 'Tom Harris <tom.harris@gmail.com>',
    subject: 'App keeps crashing',
    body: 'Hi,\r\n\r\nSince the last update the app crashes every time I open my order history. iPhone 15, iOS 19.\r\n\r\nThanks,\r\nTom\r\n\r\nSent from my iPhone',
  },
] as const;

export async function sendDemoTraffic(baseUrl: string, appSecret: string): Promise<number> {
  let sent = 0;
  const start = Date.now() - (DEMO_MESSAGES.length + DEMO_EMAILS.length) * 60_000;
  for (const [i, m] of DEMO_MESSAGES.entries()) {
    const res = await postSignedWebhook(`${baseUrl}/webhooks/whatsapp`, whatsappTextWebhook({ ...m, timestamp: new Date(start + i * 60_000) }), appSecret);
    if (!res.ok) throw new Error(`demo webhook answered ${res.status}: ${await res.text()}`);
    sent += 1;
  }
  for (const [i, m] of DEMO_EMAILS.entries()) {
    const date = new Date(start + (DEMO_MESSAGES.length + i) * 60_000).toUTCString();
    const raw = [
      `From: ${m.from}`,
      'To: support@balie.local',
      `Subject: ${m.subject}`,
      `Date: ${date}`,
      `Message-ID: <demo-${i}-${Date.now()}@balie.local>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      m.body,
      '',
    ].join('\r\n');
    const res = await fetch(`${baseUrl}/local/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
    if (!res.ok) throw new Error(`demo email answered ${res.status}: ${await res.text()}`);
    sent += 1;
  }
  return sent;
}
