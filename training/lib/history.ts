import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * A shop's labelled history, as exported from Zendesk, Freshdesk, Chatwoot or a spreadsheet: CSV with a header row
 * (comma, semicolon or tab; UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as Excel writes it) or JSON lines.
 * Every problem names its line; nothing is trained from a file that has one, unless the caller skips bad rows.
 */
export interface HistoryRow {
  /** Line in the file where the row starts (1 = the first line). */
  line: number;
  text: string;
  subject?: string;
  label: string;
}

export interface HistoryOptions {
  textColumn?: string;
  labelColumn?: string;
  subjectColumn?: string;
  /** Larger files are refused before they are read. */
  maxBytes?: number;
  /** Leave out rows with no text or no label, and labels with too few rows, instead of refusing the file. */
  skipInvalid?: boolean;
  /** A label needs this many rows to be learned and cross-validated. */
  minPerLabel?: number;
}

export interface History {
  rows: HistoryRow[];
  /** Labels in order of first appearance. */
  labels: string[];
  format: 'csv' | 'jsonl';
  encoding: string;
  /** Rows left out (only with skipInvalid), with why. */
  skipped: Array<{ line: number; why: string }>;
  /** Rows whose text and label repeated an earlier row. */
  duplicates: number;
}

/** A history file that cannot be trained from; the message says where and what to do. */
export class HistoryError extends Error {}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const MIN_PER_LABEL = 2;
const MAX_LABEL_LENGTH = 80;
const TEXT_COLUMNS = ['text', 'message', 'body', 'description', 'content', 'comment', 'bericht', 'tekst', 'nachricht'];
const LABEL_COLUMNS = ['category', 'label', 'categorie', 'kategorie', 'catégorie', 'type', 'topic', 'intent'];
const SUBJECT_COLUMNS = ['subject', 'onderwerp', 'betreff', 'sujet', 'title'];

export function readHistory(path: string, options: HistoryOptions = {}): History {
  return readHistories([path], options);
}

/**
 * Several files as one history, e.g. an export and the agents' corrections since (GET /local/feedback.jsonl): a
 * text that appears again with another label takes the later file's label. Each file may name its columns its own
 * way; the --*-column options apply to all.
 */
export function readHistories(paths: string[], options: HistoryOptions = {}): History {
  const sources = paths.map((path) => parseFile(path, options));
  return validate(sources, options);
}

/**
 * A history that arrived as bytes (an upload on the supervisors' page, a file in the bucket): `name` says what it
 * is in every message, and its extension (.csv, .tsv, .txt, .jsonl, .ndjson, .json) tells CSV from JSON lines.
 */
export function readHistoryBytes(name: string, bytes: Uint8Array, options: HistoryOptions = {}): History {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes)
    throw new HistoryError(`${name} is ${mb(bytes.byteLength)}, more than the ${mb(maxBytes)} this reads at once: split it, or keep the newest rows`);
  if (bytes.byteLength === 0) throw new HistoryError(`${name} is empty`);
  return validate([parseBytes(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))], options);
}

type Record = { line: number; get: (column: string) => string | undefined; columns: string[] };
type Source = { path: string; records: Record[]; format: History['format']; encoding: string };

function parseFile(path: string, options: HistoryOptions): Source {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new HistoryError(`${path}: no such file`);
  }
  if (size > maxBytes)
    throw new HistoryError(
      `${path} is ${mb(size)}, more than the ${mb(maxBytes)} this reads at once: split it, or keep the newest rows (--max-mb raises the limit)`,
    );
  if (size === 0) throw new HistoryError(`${path} is empty`);
  return parseBytes(path, readFileSync(path));
}

function parseBytes(path: string, bytes: Buffer): Source {
  const decoded = decode(path, bytes);
  // one kind of line end: csv-parse counts a CRLF inside a quoted field as two lines, and line numbers must be right
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const format = /\.(jsonl|ndjson|json)$/i.test(path) || (!/\.(csv|tsv|txt)$/i.test(path) && text.trimStart().startsWith('{')) ? 'jsonl' : 'csv';
  const records = format === 'jsonl' ? jsonLines(path, text) : csvRecords(path, text);
  if (records.length === 0) throw new HistoryError(`${path} has a header but no rows`);
  return { path, records, format, encoding: decoded.encoding };
}

function validate(sources: Source[], options: HistoryOptions): History {
  const name = sources.map((s) => s.path).join(' + ');
  const where = (source: Source, line: number) => (sources.length > 1 ? `${basename(source.path)} line ${line}` : `line ${line}`);
  const invalid: Array<{ line: number; where: string; why: string }> = [];
  // one row per text: a text seen again replaces the earlier row (a correction outranks the export it corrects)
  const byText = new Map<string, HistoryRow & { where: string }>();
  // "Refund" and "refund" are one category, spelt as it was first
  const spelling = new Map<string, string>();
  let duplicates = 0;
  for (const source of sources) {
    const columns = source.records[0]!.columns;
    const textColumn = pick(source.path, columns, options.textColumn, TEXT_COLUMNS, 'text', '--text-column');
    const labelColumn = pick(source.path, columns, options.labelColumn, LABEL_COLUMNS, 'category', '--label-column');
    const subjectColumn = options.subjectColumn
      ? pick(source.path, columns, options.subjectColumn, [], 'subject', '--subject-column')
      : columns.find((c) => SUBJECT_COLUMNS.includes(c.toLowerCase()));
    for (const record of source.records) {
      const at = where(source, record.line);
      const text = (record.get(textColumn) ?? '').trim();
      const written = (record.get(labelColumn) ?? '').replace(/\s+/g, ' ').trim();
      if (written && !spelling.has(written.toLowerCase())) spelling.set(written.toLowerCase(), written);
      const label = written && spelling.get(written.toLowerCase())!;
      const subject = subjectColumn ? (record.get(subjectColumn) ?? '').trim() : '';
      if (!text && !subject) invalid.push({ line: record.line, where: at, why: `no text in column "${textColumn}"` });
      else if (!label) invalid.push({ line: record.line, where: at, why: `empty label in column "${labelColumn}"` });
      else if (label.length > MAX_LABEL_LENGTH) invalid.push({ line: record.line, where: at, why: `label longer than ${MAX_LABEL_LENGTH} characters` });
      else {
        const key = `${subject}\u0000${text}`;
        if (byText.get(key)?.label === label) duplicates += 1;
        else {
          byText.delete(key); // a relabelled text moves to where its new label was given
          byText.set(key, { line: record.line, where: at, text: text || subject, ...(subject && text ? { subject } : {}), label });
        }
      }
    }
  }
  const rows = [...byText.values()];
  const minPerLabel = options.minPerLabel ?? MIN_PER_LABEL;
  const byLabel = new Map<string, typeof rows>();
  for (const row of rows) {
    const same = byLabel.get(row.label);
    if (same) same.push(row);
    else byLabel.set(row.label, [row]);
  }
  const thin = [...byLabel].filter(([, rs]) => rs.length < minPerLabel);
  for (const [label, rs] of thin)
    for (const row of rs)
      invalid.push({
        line: row.line,
        where: row.where,
        why: `label "${label}" has ${rs.length === 1 ? 'one row' : `${rs.length} rows`}, fewer than the ${minPerLabel} it takes to learn and check it`,
      });
  if (invalid.length && !options.skipInvalid) {
    throw new HistoryError(
      [
        `${name}: ${invalid.length} row${invalid.length === 1 ? '' : 's'} cannot be trained from:`,
        ...invalid.slice(0, 10).map((x) => `  ${x.where}: ${x.why}`),
        ...(invalid.length > 10 ? [`  … and ${invalid.length - 10} more`] : []),
        'Fix them (add examples, or merge a rare label into another), or pass --skip-invalid to leave them out. Nothing was written.',
      ].join('\n'),
    );
  }
  const thinLabels = new Set(thin.map(([label]) => label));
  const kept = rows.filter((r) => !thinLabels.has(r.label)).map(({ where: _where, ...row }) => row);
  const labels = [...new Set(kept.map((r) => r.label))];
  if (labels.length < 2)
    throw new HistoryError(
      `${name}: ${labels.length === 1 ? `only one label ("${labels[0]}")` : 'no labelled rows'}; a model needs at least two labels to choose between`,
    );
  return {
    rows: kept,
    labels,
    format: sources[0]!.format,
    encoding: [...new Set(sources.map((s) => s.encoding))].join(', '),
    skipped: invalid.map(({ line, why }) => ({ line, why })),
    duplicates,
  };
}

function pick(path: string, columns: string[], asked: string | undefined, defaults: string[], role: string, flag: string): string {
  const lower = columns.map((c) => c.toLowerCase());
  if (asked) {
    const at = lower.indexOf(asked.toLowerCase());
    if (at < 0) throw new HistoryError(`${path}: no column "${asked}" (the columns are ${list(columns)})`);
    return columns[at]!;
  }
  const at = lower.findIndex((c) => defaults.includes(c));
  if (at < 0) throw new HistoryError(`${path}: no ${role} column (the columns are ${list(columns)}); name it with ${flag}`);
  return columns[at]!;
}

function jsonLines(path: string, text: string): Record[] {
  const records: Record[] = [];
  const columns = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new HistoryError(`${path}: line ${i + 1} is not JSON${i === 0 ? ' (for CSV, name the file .csv)' : ''}. Nothing was written.`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new HistoryError(`${path}: line ${i + 1} is not a JSON object. Nothing was written.`);
    // keys by lower case, as CSV headers are matched: one export's "Text" is another's "text"
    const object = new Map(Object.entries(value as { [key: string]: unknown }).map(([key, v]) => [key.toLowerCase(), v]));
    for (const key of object.keys()) columns.add(key);
    records.push({ line: i + 1, get: (column) => stringOf(object.get(column.toLowerCase())), columns: [] });
  });
  const all = [...columns];
  return records.map((r) => ({ ...r, columns: all }));
}

function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function csvRecords(path: string, text: string): Record[] {
  const delimiter = sniffDelimiter(text);
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // skip_records_with_empty_values: the ";;" rows Excel leaves below a sheet are blank lines, not rows without a label
    parsed = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_quotes: false,
    }) as unknown as typeof parsed;
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    const where = e.lines ? `line ${e.lines}: ` : '';
    throw new HistoryError(
      `${path}: ${where}${/^CSV_RECORD_INCONSISTENT/.test(e.code ?? '') ? 'a row has more or fewer fields than the header' : e.message} (${JSON.stringify(delimiter)}-separated CSV). Nothing was written.`,
    );
  }
  if (parsed.length === 0) throw new HistoryError(`${path} has no header row`);
  const header = parsed[0]!.record.map((c) => c.trim());
  const index = new Map(header.map((c, i) => [c, i]));
  return parsed.slice(1).map(({ record, info }) => {
    const newlines = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - newlines, get: (column: string) => record[index.get(column)!], columns: header };
  });
}

/** The separator the header row uses most: Dutch and German Excel write semicolons, most exports commas. */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n/) >>> 0 || text.length).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/**
 * UTF-8 (with or without a byte-order mark), UTF-16 with one, or, when not one byte sequence in the file is UTF-8
 * beyond ASCII, Windows-1252 (what Excel on Windows saves as "CSV"). A file with both is refused at the first line
 * that is not UTF-8: guessing there would garble some rows' words silently.
 */
function decode(path: string, bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const { firstInvalid, multibyte } = scanUtf8(body);
  if (firstInvalid < 0) return { text: body.toString('utf8'), encoding: 'utf-8' };
  if (multibyte === 0) return { text: windows1252(body), encoding: 'windows-1252' };
  const line = body.subarray(0, firstInvalid).toString('latin1').split('\n').length;
  throw new HistoryError(
    `${path}: line ${line} is not UTF-8 (byte 0x${body[firstInvalid]!.toString(16).toUpperCase()}) while other lines are: the file mixes encodings. ` +
      'Save it again as UTF-8 (in Excel: "CSV UTF-8"). Nothing was written.',
  );
}

/** Node's TextDecoder reads "windows-1252" as Latin-1; these are the 0x80–0x9F bytes where the two differ (€, quotes, …). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** Offset of the first byte that breaks UTF-8 (-1 when none), and how many valid multi-byte sequences there are. */
function scanUtf8(b: Uint8Array): { firstInvalid: number; multibyte: number } {
  let multibyte = 0;
  let firstInvalid = -1;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let j = 1; ok && j <= need; j++) ok = i + j < b.length && (b[i + j]! & 0xc0) === 0x80;
    if (ok) {
      multibyte += 1;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i += 1;
    }
  }
  return { firstInvalid, multibyte };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function list(columns: string[]): string {
  return columns.map((c) => `"${c}"`).join(', ') || 'none';
}
