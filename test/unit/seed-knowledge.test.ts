import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedKnowledgeArticles } from '../../local/knowledge.js';
import { NotFoundError, type BlobStore } from '../../shared/domain/index.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir, loadKnowledgeBaseFromBlobs } from '../../shared/triage/knowledge/knowledge-base.js';

function memoryBlobs(): BlobStore & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    put: async (key, body) => void objects.set(key, typeof body === 'string' ? Buffer.from(body) : body),
    get: async (key) => objects.get(key) ?? Promise.reject(new NotFoundError(key)),
    list: async (prefix) => [...objects.keys()].filter((k) => k.startsWith(prefix)),
  };
}

describe('the local knowledge bucket', () => {
  it("starts with the demo shop's articles under knowledge/, which read back from the bucket as the folder reads", async () => {
    const blobs = memoryBlobs();
    const articles = readdirSync(DEMO_KNOWLEDGE_DIR).filter((f) => f.endsWith('.md'));
    expect(await seedKnowledgeArticles(blobs, 'knowledge/', DEMO_KNOWLEDGE_DIR)).toBe(articles.length);
    expect([...blobs.objects.keys()].sort()).toEqual(articles.map((f) => `knowledge/${f}`).sort());
    expect((await loadKnowledgeBaseFromBlobs(blobs, 'knowledge/')).passages).toEqual(loadKnowledgeBaseDir(DEMO_KNOWLEDGE_DIR).passages);
  });

  it('leaves a bucket that already has articles alone, so a restart changes nothing and your own articles stay', async () => {
    const blobs = memoryBlobs();
    await blobs.put('knowledge/returns.md', '## Returns\nThirty days.', 'text/markdown');
    expect(await seedKnowledgeArticles(blobs, 'knowledge/', DEMO_KNOWLEDGE_DIR)).toBe(0);
    expect([...blobs.objects.keys()]).toEqual(['knowledge/returns.md']);
  });
});
