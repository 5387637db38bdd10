import { describe, expect, it } from 'vitest';
import { classifyText } from '../../shared/triage/index.js';
import { TemplateDrafter } from '../../shared/triage/index.js';

describe('local rule classifier', () => {
  it.each([
    ['Waar blijft mijn bestelling? Het pakket is nog steeds niet bezorgd.', 'order', 'nl'],
    ['Where is my parcel? Tracking has not changed in a week.', 'order', 'en'],
    ['I was charged twice for my order, I want a refund', 'billing', 'en'],
    ['Ik heb de factuur nog niet ontvangen en er is al geld afgeschreven', 'billing', 'nl'],
    ['Ik kan niet inloggen in de app, wachtwoord reset werkt niet', 'technical', 'nl'],
    ['The app crashes every time I open it, error 500', 'technical', 'en'],
    ['Schandalig hoe jullie klanten behandelen, ik ben woedend. Nooit meer!', 'complaint', 'nl'],
    ['Your staff was incredibly rude and I am very disappointed. Unacceptable.', 'complaint', 'en'],
    ['Hoi, zijn jullie op zondag open?', 'other', 'nl'],
    ['Mein Paket ist noch nicht angekommen', 'order', 'de'],
    ["Je n'ai pas reçu ma facture", 'billing', 'fr'],
  ])('classifies %j as %s in %s', (text, category, language) => {
    const result = classifyText(text);
    expect(result.category).toBe(category);
    expect(result.language).toBe(language);
  });

  it('says which cues decided the category', () => {
    const result = classifyText('I was charged twice and want a refund');
    expect(result.reasons[0]).toMatch(/^billing: .*"refund"/);
    expect(result.tags).toEqual(expect.arrayContaining(['refund', 'double_charge']));
  });

  it('finds legal threats and cancellations as urgency cues', () => {
    const result = classifyText('This is unacceptable, I will contact my lawyer and cancel my subscription.');
    expect(result.urgencyCues).toEqual(expect.arrayContaining(['legal_threat', 'cancellation']));
  });

  it('reads thanks as positive and anger as negative, in Dutch and English', () => {
    expect(classifyText('Bedankt, super snel geholpen!').sentiment.label).toBe('positive');
    expect(classifyText('Thanks, that was really helpful').sentiment.label).toBe('positive');
    expect(classifyText('Ik ben woedend, dit is belachelijk').sentiment.label).toBe('negative');
    expect(classifyText('I am furious, this is ridiculous and unacceptable').sentiment.label).toBe('negative');
  });

  it('does not read "blijft" (stays) as "blij" (happy)', () => {
    expect(classifyText('Waar blijft mijn pakket?').sentiment.label).toBe('neutral');
  });

  it('is less sure of a single weak cue than of many strong ones', () => {
    expect(classifyText('order').confidence).toBeLessThan(classifyText('I cannot log in, password reset gives an error').confidence);
  });

  it('answers "other" with no cues and says so', () => {
    const result = classifyText('🙂');
    expect(result.category).toBe('other');
    expect(result.reasons[0]).toBe('no category cues found');
  });
});

describe('template drafter', () => {
  const drafter = new TemplateDrafter();
  it('greets by first name in Dutch, short for WhatsApp', async () => {
    const draft = await drafter.draft({ text: 'x', channel: 'whatsapp', contact: { handle: '1', name: 'Sanne de Vries' }, category: 'order', language: 'nl' });
    expect(draft.text).toMatch(/^Hoi Sanne, .*ordernummer/);
    expect(draft.text).not.toContain('\n');
  });

  it('writes email with a greeting and a sign-off', async () => {
    const draft = await drafter.draft({ text: 'x', channel: 'email', contact: { handle: 'a@b.c', name: 'James Carter' }, category: 'billing', language: 'en' });
    expect(draft.text).toMatch(/^Hi James,\n\n.*\n\nKind regards,\nCustomer service$/s);
  });

  it('falls back to English for a language it has no template for, and says so', async () => {
    const draft = await drafter.draft({ text: 'x', channel: 'whatsapp', contact: { handle: '1' }, category: 'other', language: 'es' });
    expect(draft.text).toMatch(/^Hi, /);
    expect(draft.reasons).toContain('no template in "es", drafted in English');
  });
});
