import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticHistory, toCsv } from '../../training/lib/synthetic-history.js';

// npm run train -- --from FILE --out DIR, and npm run triage -- --model DIR, as a shop would run them.
const dir = mkdtempSync(join(tmpdir(), 'balie-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (script: string, args: string[], input = '') =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], { maxBuffer: 64 * 1024 * 1024 }, (_err, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
const train = (args: string[]) => run('training/train.ts', args);
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown> & { labels: number; rows: number };

describe('npm run train -- --from FILE --out DIR', () => {
  it("learns a shop's own labels, reports them cross-validated in its last line, and npm run triage -- --model DIR answers with them", async () => {
    const history = join(dir, 'zendesk.csv');
    writeFileSync(history, toCsv(syntheticHistory({ labels: 6, rows: 600, seed: 3 })));
    const out = join(dir, 'model');
    const { code, stdout, stderr } = await train(['--from', history, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = lastJson(stdout);
    expect(report).toMatchObject({ out, rows: 600, labels: 6, folds: 5 });
    expect(report.macroF1 as number).toBeGreaterThan(0.6);
    const perCategory = report.perCategory as Array<{ label: string; f1: number; support: number }>;
    expect(perCategory.map((c) => c.support).reduce((a, b) => a + b)).toBe(600);
    expect(readdirSync(out).sort()).toEqual(['category.json', 'manifest.json', 'prior.json', 'sentiment.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'balie-triage-model', categories: perCategory.map((c) => c.label), source: { file: 'zendesk.csv', rows: 600 } });

    const labels = perCategory.map((c) => c.label);
    const triaged = await run(
      'scripts/triage.ts',
      ['--model', out],
      syntheticHistory({ labels: 6, rows: 20, seed: 3 })
        .map((r, i) => JSON.stringify({ id: i, text: r.text }))
        .join('\n'),
    );
    expect(triaged.code).toBe(0);
    const lines = triaged.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { category: string; priority: string });
    expect(lines).toHaveLength(20);
    for (const line of lines) expect(labels).toContain(line.category);
    expect(lines[0]!.priority).toMatch(/^P[1-4]$/);
  });

  it('refuses a bad file with exit 2, naming the line, and writes nothing: not the folder, not a half-written one', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'text,category\nwhere is my parcel,delivery\nparcel late,delivery\nrefund?,\nmoney back,refunds\nrefund now,refunds\n');
    const out = join(dir, 'never');
    const { code, stdout, stderr } = await train(['--from', bad, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 4: empty label in column "category"/);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('replaces an earlier model in the folder whole, and will not overwrite the shipped model unless told', async () => {
    const out = join(dir, 'replaced');
    const first = join(dir, 'first.csv');
    writeFileSync(first, toCsv(syntheticHistory({ labels: 3, rows: 90, seed: 5 })));
    expect((await train(['--from', first, '--out', out])).code).toBe(0);
    const second = join(dir, 'second.jsonl');
    writeFileSync(
      second,
      syntheticHistory({ labels: 4, rows: 120, seed: 6 })
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect((await train(['--from', second, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).categories).toHaveLength(4);
    expect(readdirSync(dir).filter((f) => f.includes('replaced') && f !== 'replaced')).toEqual([]);

    // a folder that holds anything but a model is never replaced: not the history's own folder, not "."
    const own = await train(['--from', first, '--out', dir]);
    expect([own.code, own.stderr]).toEqual([2, expect.stringMatching(/is not a model folder \(it holds .*first\.csv/)]);
    expect(existsSync(first)).toBe(true);

    const shipped = await train(['--from', first, '--out', 'shared/triage/local/model']);
    expect(shipped.code).toBe(2);
    expect(shipped.stderr).toMatch(/is the shipped model's folder; pass --overwrite-shipped/);
  });

  it('learns 75 labels from 10,000 rows', { timeout: 600_000 }, async () => {
    const history = join(dir, 'big.csv');
    writeFileSync(history, toCsv(syntheticHistory({ labels: 75, rows: 10_000 })));
    const { code, stdout } = await train(['--from', history, '--out', join(dir, 'big')]);
    expect(code).toBe(0);
    const report = lastJson(stdout);
    expect([report.labels, report.rows]).toEqual([75, 10_000]);
    // how long it took is npm run bench's to say (this machine is shared); here: that it learned
    expect(report.accuracy as number).toBeGreaterThan(0.6);
  });
});
