import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotFoundError, type BlobStore, type InboundEvent } from '../../shared/domain/index.js';
import { ingestEmail } from '../../shared/use-cases/ingest-email.js';

const raw = readFileSync(new URL('../fixtures/email/attachment-pdf.eml', import.meta.url));

function storeRefusingWrites(error: Error): BlobStore {
  return {
    get: async (key) => (key === 'raw/ses-1' ? new Uint8Array(raw) : Promise.reject(new NotFoundError(key))),
    put: async () => Promise.reject(error),
    list: async () => [],
  };
}

describe('ingest-email when the object store refuses a write', () => {
  it('fails the invocation (for the DLQ and a redrive) instead of queueing a well-formed mail as unparseable', async () => {
    const published: InboundEvent[] = [];
    const denied = Object.assign(new Error('S3 put mail/ses-1/attachments/0-factuur.pdf failed: AccessDenied'), { retryable: false });
    await expect(
      ingestEmail(
        { blobs: storeRefusingWrites(denied), publisher: { publish: async (events) => void published.push(...events) } },
        { sesMessageId: 'ses-1', rawKey: 'raw/ses-1', receivedAt: '2026-11-25T10:00:00.000Z' },
      ),
    ).rejects.toThrow('AccessDenied');
    expect(published).toEqual([]);
  });
});
