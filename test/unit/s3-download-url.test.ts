import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../shared/domain/index.js';
import { S3BlobStore } from '../../shared/store/index.js';

const s3mock = mockClient(S3Client);
const s3 = () => new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const KEY = 'mail/abc/attachments/0-factuur april.pdf';

/** What S3 answers a GetObject for a missing key when the role may not list the bucket (or the prefix). */
const accessDenied = () => new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' });

beforeEach(() => s3mock.reset());

describe('S3 download URLs', () => {
  it('presigns a short-lived GET that S3 answers as a download of opaque bytes, once S3 says the object is there', async () => {
    s3mock.on(HeadObjectCommand).resolves({ ContentLength: 4 });
    const url = new URL(await new S3BlobStore(s3(), 'balie-mail').downloadUrl(KEY, { filename: 'factuur april.pdf', expiresInSeconds: 60 }));
    expect(url.hostname).toBe('balie-mail.s3.eu-west-1.amazonaws.com');
    expect(decodeURIComponent(url.pathname)).toBe('/mail/abc/attachments/0-factuur april.pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe("attachment; filename*=UTF-8''factuur%20april.pdf");
    expect(url.searchParams.get('response-content-type')).toBe('application/octet-stream');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(s3mock.commandCalls(HeadObjectCommand).map((call) => call.args[0].input)).toEqual([{ Bucket: 'balie-mail', Key: KEY }]);
  });

  it('gives no URL for an object that expired: a NotFoundError instead of a link to S3 error XML', async () => {
    s3mock.on(HeadObjectCommand).rejects(new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    await expect(new S3BlobStore(s3(), 'balie-mail').downloadUrl(KEY, { filename: 'x.pdf', expiresInSeconds: 60 })).rejects.toThrow(NotFoundError);
  });
});

describe('an object that is not in the bucket', () => {
  it('is a NotFoundError when S3 answers NoSuchKey (the role may list the prefix)', async () => {
    s3mock.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));
    const error = await new S3BlobStore(s3(), 'balie-mail').get(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(s3mock.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'balie-mail', Key: KEY });
  });

  it('is not taken for gone when S3 answers AccessDenied: that is a refusal an operator must see', async () => {
    s3mock.on(GetObjectCommand).rejects(accessDenied());
    s3mock.on(HeadObjectCommand).rejects(new S3ServiceException({ name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: '' }));
    const store = new S3BlobStore(s3(), 'balie-mail');
    const get = (await store.get(KEY).catch((e: unknown) => e)) as Error;
    expect(get).not.toBeInstanceOf(NotFoundError);
    expect(get.message).toBe(`S3 get ${KEY} failed: AccessDenied`);
    const head = (await store.downloadUrl(KEY, { filename: 'x.pdf', expiresInSeconds: 60 }).catch((e: unknown) => e)) as Error;
    expect(head).not.toBeInstanceOf(NotFoundError);
    expect(head.message).toBe(`S3 head ${KEY} failed: Forbidden`);
  });
});
