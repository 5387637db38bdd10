import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys.js';
import { ensureTable } from '../../shared/store/index.js';
import { describeThreadStoreContract } from '../contract/thread-store.contract.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { aMessage, aThread } from '../helpers/threads.js';

describeThreadStoreContract('DynamoDB store (dynalite)', async () => {
  const db = await startDynaliteStore('balie-store-contract');
  return { store: db.store, stop: db.stop };
});

describe('DynamoDB store (dynalite): what only the table can show', () => {
  let db: Awaited<ReturnType<typeof startDynaliteStore>>;
  beforeAll(async () => {
    db = await startDynaliteStore('balie-store-test');
    await ensureTable(db.client, 'balie-store-test'); // a second start finds it and goes on
    for (const id of ['a', 'b', 'c', 'd']) await db.store.saveThread(aThread({ id, contact: { handle: id } }), 0);
  });
  afterAll(() => db?.stop());

  it('serves the first worklist page with one DynamoDB query', async () => {
    let commands = 0;
    db.client.middlewareStack.add((next) => async (args) => ((commands += 1), next(args)), { step: 'initialize', name: 'countForTest' });
    await db.store.listThreads({ limit: 3 });
    db.client.middlewareStack.remove('countForTest');
    expect(commands).toBe(1);
  });

  it('reads threads and message references written before the store owned message keys', async () => {
    const sentAt = '2026-11-25T09:00:00.000Z';
    const legacyThread = {
      ...keys.thread('old'),
      entity: 'thread',
      ...aThread({ id: 'old', contact: { handle: 'old' } }),
      lastInboundId: undefined,
      lastInboundSk: `MSG#${sentAt}#wamid.HBg#1`,
    };
    await db.documents.send(new PutCommand({ TableName: 'balie-store-test', Item: legacyThread }));
    await db.documents.send(
      new PutCommand({
        TableName: 'balie-store-test',
        Item: { ...keys.messageRef('whatsapp', 'wamid.HBg#1'), entity: 'messageRef', threadId: 'old', messageSk: `MSG#${sentAt}#wamid.HBg#1`, done: true },
      }),
    );
    await db.store.putMessageOnce(aMessage({ threadId: 'old', externalId: 'wamid.HBg#1', sentAt }));

    expect((await db.store.getThread('old'))?.lastInboundId).toBe('wamid.HBg#1');
    const ref = await db.store.findMessageRef('whatsapp', 'wamid.HBg#1');
    expect(ref).toEqual({ threadId: 'old', externalId: 'wamid.HBg#1', sentAt, done: true });
    // the reference still finds the message it names
    await db.store.recordDeliveryStatus(ref!, {
      type: 'status',
      channel: 'whatsapp',
      externalId: 'wamid.HBg#1',
      status: 'read',
      at: '2026-11-25T09:02:00.000Z',
      raw: {},
    });
    expect((await db.store.getThreadDetail('old'))?.messages[0]?.statuses).toEqual({ read: '2026-11-25T09:02:00.000Z' });
  });
});
