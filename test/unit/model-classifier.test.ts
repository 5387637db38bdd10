import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../shared/triage/local/features.js';
import { MODEL_DIR, ModelClassifier } from '../../shared/triage/local/model-classifier.js';

const classifier = new ModelClassifier();
const classify = (text: string, subject?: string) => classifier.classify({ text, subject, channel: 'whatsapp' });

describe('local model engine', () => {
  it.each([
    ['Waar blijft mijn pakket? Track en trace staat al 4 dagen stil', 'order', 'nl'],
    ['Er is twee keer € 49,95 van mijn rekening afgeschreven', 'billing', 'nl'],
    ['Ik kan niet meer inloggen, de reset-link werkt niet', 'technical', 'nl'],
    ['Schandalig. Derde keer dat ik bel en niemand helpt me. Ik stap over naar de concurrent.', 'complaint', 'nl'],
    ['Hebben jullie ook een winkel in Utrecht?', 'other', 'nl'],
    ['My parcel still has not arrived, tracking says delivered', 'order', 'en'],
    ['I was charged twice for the same order', 'billing', 'en'],
    ['The app crashes every time I open my order history', 'technical', 'en'],
    ['Mein Paket ist immer noch nicht angekommen', 'order', 'de'],
    ["Je n'arrive pas à me connecter à mon compte", 'technical', 'fr'],
  ])('classifies %j as %s in %s', async (text, category, language) => {
    const r = await classify(text);
    expect([r.category, r.language]).toEqual([category, language]);
  });

  it('says which words decided, with the probability and the runner-up', async () => {
    const r = await classify('I was charged twice for the same order');
    expect(r.reasons[0]).toMatch(/^billing \d+% from ".+"(, ".+")* \(next: \w+ \d+%\)$/);
    expect(r.engine).toBe('local-model-v1');
  });

  it('gives reasons an agent can read: no function words, no number placeholders', async () => {
    const texts = [
      'Hoi, waar blijft mijn bestelling 10482? Ik heb al 3 keer gebeld en nog steeds niks ontvangen.',
      'I was charged twice for order 20931. Please refund it.',
      'Guten Tag, ich habe die Rechnung 2026-118 zweimal bezahlt.',
      "Bonjour, je n'ai toujours pas reçu mon colis commandé le 3 mars",
    ];
    for (const text of texts) {
      const { reasons } = await classifier.classify({ text, channel: 'email' });
      const quoted = reasons.slice(0, 2).flatMap((r) => [...r.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
      expect(quoted.length, text).toBeGreaterThan(0);
      for (const phrase of quoted) {
        expect(phrase, text).toMatch(/\p{L}{3,}/u);
        expect(['ik heb', 'heb', 'en', 'i was', 'the', 'ich habe', 'je', '0', '00000'], text).not.toContain(phrase);
      }
    }
  });

  it('reads anger and thanks in Dutch and English', async () => {
    expect((await classify('Ik ben het spuugzat, wat een waardeloze service')).sentiment.label).toBe('negative');
    expect((await classify('Super bedankt, top geholpen!')).sentiment.label).toBe('positive');
    expect((await classify('Thanks so much, you guys are great')).sentiment.label).toBe('positive');
  });

  it('finds urgency cues and tags beside the model', async () => {
    const r = await classify('This is the third time! I will contact my lawyer and cancel my subscription. I was charged twice.');
    expect(r.urgencyCues).toEqual(expect.arrayContaining(['legal_threat', 'cancellation']));
    expect(r.tags).toEqual(expect.arrayContaining(['double_charge', 'legal_threat']));
  });

  it('uses the subject of an email too', async () => {
    expect((await classify('Zie bijlage.', 'Factuur klopt niet, te veel btw berekend')).category).toBe('billing');
  });

  it('hashes the same text to the same features, and long texts to values no larger than short ones', () => {
    expect(extractFeatures('Waar is mijn pakket?')).toEqual(extractFeatures('Waar is mijn pakket?'));
    expect(extractFeatures('pakket '.repeat(50) + 'bestelling factuur').value).toBeLessThan(extractFeatures('pakket').value);
  });

  it('refuses a model file that is corrupt or not a model, naming it, at construction', () => {
    const broken = (change: (model: Record<string, unknown>) => unknown) => {
      const dir = mkdtempSync(join(tmpdir(), 'balie-model-'));
      cpSync(MODEL_DIR, dir, { recursive: true });
      const model = JSON.parse(readFileSync(join(dir, 'category.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'category.json'), typeof change(model) === 'string' ? (change(model) as string) : JSON.stringify(model));
      return () => new ModelClassifier(pathToFileURL(`${dir}/`));
    };
    expect(broken(() => '{"kind":"softmax-ftrl-v1","lab')).toThrow(/category\.json is not a model npm run train wrote/);
    expect(broken((m) => void (m.kind = 'something-else'))).toThrow(/unknown kind/);
    expect(broken((m) => void (m.weights = Buffer.alloc(10).toString('base64')))).toThrow(/weights do not match/);
    expect(broken((m) => void (m.labels = ['a', 'a', 'b', 'c', 'd']))).toThrow(/a label appears twice/);
    expect(broken((m) => void (m.bias = (m.bias as number[]).map(String)))).toThrow(/bias does not match/);
    expect(broken((m) => void (m.labels = ['complaint ', 'order', 'technical', 'billing', 'other']))).toThrow(/padded/);
    expect(
      broken((m) => {
        const buckets = Buffer.from(m.buckets as string, 'base64');
        buckets.writeUInt32LE(1 << 20, buckets.length - 4);
        m.buckets = buckets.toString('base64');
      }),
    ).toThrow(/outside the feature space/);
  });
});
