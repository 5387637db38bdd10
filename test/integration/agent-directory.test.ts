import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentDirectory } from '../../shared/domain/index.js';
import { DynamoAgentDirectory } from '../../shared/store/index.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { MemoryAgentDirectory } from '../helpers/memory-agent-directory.js';

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
beforeAll(async () => {
  db = await startDynaliteStore('balie-agents-test');
});
afterAll(() => db?.stop());

const directories: Array<[string, () => AgentDirectory]> = [
  ['DynamoDB (dynalite)', () => new DynamoAgentDirectory(db.documents, 'balie-agents-test')],
  ['in memory (the in-process tests’ fake)', () => new MemoryAgentDirectory()],
];

describe.each(directories)('the agent directory, %s', (_name, make) => {
  const sub = () => `sub-${Math.random().toString(36).slice(2)}`;

  it('knows an agent once remembered, and nobody else', async () => {
    const agents = make();
    const ann = sub();
    await agents.rememberAgent({ sub: ann, name: 'Ann', role: 'agent', lastSeenAt: '2026-12-01T09:00:00.000Z' });
    expect(await agents.findAgent(ann)).toEqual({ sub: ann, name: 'Ann', role: 'agent', lastSeenAt: '2026-12-01T09:00:00.000Z' });
    expect(await agents.findAgent(sub())).toBeUndefined();
  });

  it('keeps the newest sighting, whichever write arrives last, and changes nothing on a repeat', async () => {
    const agents = make();
    const ann = sub();
    await agents.rememberAgent({ sub: ann, name: 'Ann de Vries', role: 'supervisor', lastSeenAt: '2026-12-02T09:00:00.000Z' });
    await agents.rememberAgent({ sub: ann, name: 'Ann', role: 'agent', lastSeenAt: '2026-12-01T09:00:00.000Z' });
    await agents.rememberAgent({ sub: ann, name: 'Ann de Vries', role: 'supervisor', lastSeenAt: '2026-12-02T09:00:00.000Z' });
    expect(await agents.findAgent(ann)).toMatchObject({ name: 'Ann de Vries', role: 'supervisor', lastSeenAt: '2026-12-02T09:00:00.000Z' });
  });
});
