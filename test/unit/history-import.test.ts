import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryError, readHistories, readHistory } from '../../training/lib/history.js';

const dir = mkdtempSync(join(tmpdir(), 'balie-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer, ext = 'csv') => {
  const path = join(dir, `h${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const refusal = (path: string, options = {}) => {
  try {
    readHistory(path, options);
  } catch (err) {
    expect(err).toBeInstanceOf(HistoryError);
    return (err as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('reading a labelled history file', () => {
  it('reads a Dutch Excel export: semicolons, quoted fields over several lines, a subject column, any label names', () => {
    const h = readHistory(
      file(
        'Onderwerp;Bericht;Categorie\n' +
          'Pakket;"Waar blijft\nmijn pakket?";Bezorging & retour\n' +
          ';Factuur klopt niet, 2 keer betaald;Facturatie\n' +
          ';Pakket nog niet binnen;Bezorging & retour\n' +
          ';Dubbel afgeschreven;Facturatie\n',
      ),
    );
    expect(h.labels).toEqual(['Bezorging & retour', 'Facturatie']);
    expect(h.rows.map((r) => [r.line, r.label])).toEqual([
      [2, 'Bezorging & retour'],
      [4, 'Facturatie'],
      [5, 'Bezorging & retour'],
      [6, 'Facturatie'],
    ]);
    expect(h.rows[0]).toMatchObject({ subject: 'Pakket', text: 'Waar blijft\nmijn pakket?' });
    expect([h.format, h.encoding]).toEqual(['csv', 'utf-8']);
  });

  it('reads JSON lines, names other columns on request, and leaves out repeated rows', () => {
    const rows = [
      { body: 'where is my parcel', topic: 'delivery' },
      { body: 'where is my parcel', topic: 'delivery' },
      { body: 'refund please', topic: 'refunds' },
      { body: 'parcel late', topic: 'delivery' },
      { body: 'money back?', topic: 'refunds' },
    ];
    const h = readHistory(file(rows.map((r) => JSON.stringify(r)).join('\n'), 'jsonl'), { textColumn: 'body', labelColumn: 'topic' });
    expect([h.format, h.rows.length, h.duplicates, h.labels]).toEqual(['jsonl', 4, 1, ['delivery', 'refunds']]);
  });

  it('reads what Excel on Windows saves (Windows-1252) and UTF-16 with a byte-order mark', () => {
    const csv = 'text,category\ncafé gesloten?,vraag\nprijs in €?,vraag\nkapot,klacht\nweer kapot,klacht\n';
    const cp1252 = readHistory(file(Buffer.from(csv.replace('€', '\u0080'), 'latin1')));
    expect(cp1252.encoding).toBe('windows-1252');
    expect(cp1252.rows.map((r) => r.text)).toContain('café gesloten?');
    expect(cp1252.rows.map((r) => r.text)).toContain('prijs in €?');
    const utf16 = readHistory(file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])));
    expect([utf16.encoding, utf16.rows[0]!.text]).toEqual(['utf-16le', 'café gesloten?']);
  });

  it('numbers lines right in a CRLF file with a field over several lines, skips the ";;" rows Excel leaves, and merges labels that differ in case only', () => {
    const h = readHistory(file('text;label\r\nhallo;Refund\r\n"multi\r\nline\r\nthree";refund\r\n;\r\nbar;Other\r\nbaz;other \r\n'));
    expect(h.rows.map((r) => [r.line, r.label])).toEqual([
      [2, 'Refund'],
      [3, 'Refund'],
      [7, 'Other'],
      [8, 'Other'],
    ]);
    expect(h.rows[1]!.text).toBe('multi\nline\nthree');
  });

  it("reads an export and the agents' corrections as one history: a corrected text takes its new label, a single correction is enough", () => {
    const exported = file(
      'Subject;Description;Type\n;pakket kwijt;Bezorging\n;pakket te laat;Bezorging\n;factuur fout;Factuur\n;dubbel betaald;Factuur\n;app crasht;Factuur\n',
    );
    // GET /local/feedback.jsonl: what agents corrected, one JSON line each (text, category, …)
    const corrections = file(
      JSON.stringify({ kind: 'correction', text: 'app crasht', category: 'Storing', channel: 'whatsapp' }) +
        '\n' +
        JSON.stringify({ text: 'site ligt eruit', category: 'Storing' }) +
        '\n',
      'jsonl',
    );
    const h = readHistories([exported, corrections]);
    expect(h.rows.map((r) => [r.text, r.label])).toEqual([
      ['pakket kwijt', 'Bezorging'],
      ['pakket te laat', 'Bezorging'],
      ['factuur fout', 'Factuur'],
      ['dubbel betaald', 'Factuur'],
      ['app crasht', 'Storing'],
      ['site ligt eruit', 'Storing'],
    ]);
    const bad = file(JSON.stringify({ text: 'leeg', category: '' }) + '\n', 'jsonl');
    expect(() => readHistories([exported, bad])).toThrow(/h\d+\.jsonl line 1: empty label/);
  });

  it('refuses a file that mixes encodings, naming the first line that is not UTF-8', () => {
    const path = file(Buffer.concat([Buffer.from('text,category\nCafé,a\nok,a\n', 'utf8'), Buffer.from('d\xe9j\xe0 vu,b\nmore,b\n', 'latin1')]));
    expect(refusal(path)).toMatch(/line 4 is not UTF-8 \(byte 0xE9\).*mixes encodings.*Nothing was written/s);
  });

  it('refuses a missing column, naming the columns there are and the flag', () => {
    expect(refusal(file('message,type_of_thing\nhello,a\n'))).toMatch(
      /no category column \(the columns are "message", "type_of_thing"\); name it with --label-column/,
    );
    expect(refusal(file('text,category\nhello,a\n'), { labelColumn: 'Label' })).toMatch(/no column "Label"/);
  });

  it('refuses empty labels and empty texts by line, or leaves them out when asked', () => {
    const path = file('text,category\nhello,a\nworld,\n,b\nagain,a\nmore,b\nyet more,b\n');
    const message = refusal(path);
    expect(message).toMatch(/2 rows cannot be trained from/);
    expect(message).toMatch(/line 3: empty label in column "category"/);
    expect(message).toMatch(/line 4: no text in column "text"/);
    expect(message).toMatch(/--skip-invalid/);
    const skipped = readHistory(path, { skipInvalid: true });
    expect([skipped.rows.length, skipped.skipped.map((s) => s.line)]).toEqual([4, [3, 4]]);
  });

  it('refuses a label with a single row, naming the label and its line', () => {
    expect(refusal(file('text,category\na,x\nb,x\nc,y\nd,y\ne,lonely\n'))).toMatch(/line 6: label "lonely" has one row, fewer than the 2 it takes/);
  });

  it('refuses a broken CSV (an unclosed quote, a row with extra fields) by line', () => {
    expect(refusal(file('text,category\n"unclosed,a\nb,a\n'))).toMatch(/Quote Not Closed/);
    expect(refusal(file('text,category\na,x\nb,x,extra\n'))).toMatch(/line 3: a row has more or fewer fields than the header/);
    expect(refusal(file('{"text":"a","category":"x"}\nnot json\n', 'jsonl'))).toMatch(/line 2 is not JSON/);
  });

  it('refuses a file larger than the limit before reading it, and an empty one or one with a single label', () => {
    expect(refusal(file('text,category\n' + 'a much longer line of text,x\n'.repeat(40_000)), { maxBytes: 1024 * 1024 })).toMatch(
      /is 1\.\d MB, more than the 1\.0 MB this reads at once.*--max-mb/,
    );
    expect(refusal(file(''))).toMatch(/is empty/);
    expect(refusal(file('text,category\na,x\nb,x\n'))).toMatch(/only one label \("x"\)/);
  });
});
