import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../shared/store/index.js';

describe('S3 download URLs', () => {
  it('presigns a short-lived GET that S3 answers as a download of opaque bytes', async () => {
    const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const url = new URL(
      await new S3BlobStore(s3, 'balie-mail').downloadUrl('mail/abc/attachments/0-factuur april.pdf', { filename: 'factuur april.pdf', expiresInSeconds: 60 }),
    );
    expect(url.hostname).toBe('balie-mail.s3.eu-west-1.amazonaws.com');
    expect(decodeURIComponent(url.pathname)).toBe('/mail/abc/attachments/0-factuur april.pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe("attachment; filename*=UTF-8''factuur%20april.pdf");
    expect(url.searchParams.get('response-content-type')).toBe('application/octet-stream');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});
