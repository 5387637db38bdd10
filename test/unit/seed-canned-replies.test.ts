import { describe, expect, it } from 'vitest';
import { seedCannedReplies } from '../../local/knowledge.js';
import { placeholdersOf } from '../../shared/domain/index.js';
import { MemoryCannedReplyStore } from '../helpers/memory-canned-replies.js';

describe('the demo canned replies', () => {
  it('pass the API’s checks, cover nl, en and de, and are put in once', async () => {
    const store = new MemoryCannedReplyStore();
    expect(await seedCannedReplies(store)).toBe(24);
    const replies = await store.listCannedReplies();
    expect(new Set(replies.map((r) => r.language))).toEqual(new Set(['nl', 'en', 'de']));
    for (const r of replies) {
      expect(placeholdersOf(r.body), r.title).toMatchObject({ placeholders: expect.arrayContaining(['agent_name']) });
      expect(r.examples.length, r.title).toBeGreaterThanOrEqual(2);
    }
    // a later start adds nothing, even after one was deleted on purpose
    await store.deleteCannedReply(replies[0]!.id);
    expect(await seedCannedReplies(store)).toBe(0);
    expect(await store.listCannedReplies()).toHaveLength(23);
  });
});
