import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/triage/local/text.js';
import { detectUrgency } from '../../shared/triage/local/urgency.js';

const cues = (text: string) => detectUrgency(fold(text));

// An outage is what hundreds of customers write about at once: it must reach the top of the queue (issue 12).
describe('urgency cues: an outage', () => {
  it.each([
    'jullie site ligt er al een uur uit, ik krijg steeds een 502',
    'De app werkt sinds vanochtend niet meer',
    'Website ligt plat??',
    'the app is down again, nobody in our office can log in',
    'Getting a 503 on checkout',
    'Ihre Seite ist nicht erreichbar, Fehler 502',
    'Die App funktioniert nicht mehr seit dem Update',
    'le site est inaccessible depuis ce matin',
    "l'appli ne fonctionne plus, erreur 500",
    'Störung im Netz seit 8 Uhr',
  ])('%j reports an outage', (text) => {
    expect(cues(text)).toContain('outage');
  });

  it.each([
    'Hoe werkt het retourneren?',
    'Kunt u uitleggen hoe de app werkt?',
    'Mijn bestelling 502311 is nog niet binnen',
    'How do I change my delivery address?',
    'Wie funktioniert die Rücksendung?',
    'Comment fonctionne le remboursement ?',
  ])('%j reports none', (text) => {
    expect(cues(text)).not.toContain('outage');
  });
});
