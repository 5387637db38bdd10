import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { startS3, type Emulator } from '../../local/emulators.js';

/**
 * A bucket on s3rver for the tests of this file, reached through the real SDK: started before them, removed after.
 * `s3.client` and `s3.endpoint` are there once the tests run.
 */
export function useS3Bucket(bucket: string): { readonly client: S3Client; readonly endpoint: string; readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `${bucket}-`));
  let emulator: Emulator | undefined;
  let client: S3Client | undefined;
  beforeAll(async () => {
    emulator = await startS3({ dataDir: join(dir, 's3'), bucket });
    client = new S3Client({
      endpoint: emulator.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      // s3rver accepts only its own fixed key pair
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get client() {
      return client!;
    },
    get endpoint() {
      return emulator!.endpoint;
    },
    dir,
  };
}
