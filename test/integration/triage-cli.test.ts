import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const runTriage = (input: string, args: string[] = []) =>
  new Promise<{ code: number | null; lines: Array<Record<string, unknown>>; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/triage.ts', ...args], (_err, stdout, stderr) =>
      resolve({
        code: child.exitCode,
        lines: stdout
          .trim()
          .split('\n')
          .filter((l) => l)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
        stderr,
      }),
    );
    child.stdin!.end(input);
  });

describe('npm run triage', () => {
  it('answers one JSON line per input with the stable fields, and an error line for a bad input', async () => {
    const { code, lines } = await runTriage(
      ['{"id":"a","text":"Ik wil mijn bestelling retourneren"}', 'not json', '{"id":7,"text":"Charged twice!","channel":"whatsapp"}', '{"text":"no id"}'].join(
        '\n',
      ),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', category: 'order', language: 'nl', engine: 'local-model-v1' });
    for (const key of ['id', 'category', 'priority', 'sentiment', 'language', 'confidence', 'engine']) expect(lines[0]).toHaveProperty(key);
    expect(lines[1]).toEqual({ id: null, error: 'line is not JSON' });
    expect(lines[2]).toMatchObject({ id: 7, category: 'billing' });
    expect(lines[3]).toMatchObject({ id: null, error: expect.stringContaining('id') });
    expect(code).toBe(1);
  });

  it('--model DIR uses a model `npm run train -- --out DIR` wrote, and names a folder without one', async () => {
    const { code, lines } = await runTriage('{"id":"a","text":"Charged twice for my invoice!"}', ['--model', 'shared/triage/local/model/']);
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ id: 'a', category: 'billing' });

    const missing = await runTriage('{"id":"a","text":"x"}', ['--model', 'no/such/model']);
    expect(missing.code).toBe(2);
    expect(missing.lines).toEqual([]);
    expect(missing.stderr).toMatch(/no\/such\/model\/category\.json is missing/);
  });
});
