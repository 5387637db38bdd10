import { postSignedWebhook, whatsappTextWebhook } from './whatsapp-payloads.js';

/** A morning's worth of real-sounding WhatsApp traffic for the demo shop, in Dutch and English. */
export const DEMO_MESSAGES = [
  { from: '31612345678', name: 'Sanne de Vries', text: 'Hoi, waar blijft mijn bestelling 10482? Ik heb al 3 keer gebeld en nog steeds niks ontvangen.' },
  { from: '447700900123', name: 'James Carter', text: 'I was charged twice for order 20931. Please refund the second payment.' },
  { from: '31687654321', name: 'Pieter Jansen', text: 'Ik kan niet inloggen in de app, ik krijg steeds een foutmelding bij mijn wachtwoord.' },
  { from: '14155550142', name: 'Maria Lopez', text: 'This is unacceptable. Third time my delivery is late. I will cancel my subscription and contact my lawyer.' },
  { from: '32470123456', name: 'Lotte Peeters', text: 'Hallo, zijn jullie winkels op zondag open?' },
  { from: '4915112345678', name: 'Jonas Weber', text: 'Guten Tag, mein Paket ist noch nicht angekommen. Können Sie helfen?' },
] as const;

export async function sendDemoTraffic(baseUrl: string, appSecret: string): Promise<number> {
  let sent = 0;
  const start = Date.now() - DEMO_MESSAGES.length * 60_000;
  for (const [i, m] of DEMO_MESSAGES.entries()) {
    const res = await postSignedWebhook(`${baseUrl}/webhooks/whatsapp`, whatsappTextWebhook({ ...m, timestamp: new Date(start + i * 60_000) }), appSecret);
    if (!res.ok) throw new Error(`demo webhook answered ${res.status}: ${await res.text()}`);
    sent += 1;
  }
  return sent;
}
