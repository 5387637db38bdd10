import type { S3Client } from '@aws-sdk/client-s3';
import { NotFoundError, TransientError, type BlobStore } from '../domain/index.js';

/**
 * Raw mail, attachments and big bodies in one bucket (S3 in AWS, s3rver locally), server-side encrypted. The client
 * may be given as a function that makes it, and the SDK's commands are imported on first use: a function that
 * only sometimes touches the bucket (the inbox API, when an agent opens an attachment) does not load S3 at init.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: () => Promise<S3Client>;

  constructor(
    s3: S3Client | (() => Promise<S3Client>),
    private readonly bucket: string,
  ) {
    this.client = typeof s3 === 'function' ? s3 : async () => s3;
  }

  private async sdk() {
    const [s3, { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand }] = await Promise.all([
      this.client(),
      import('@aws-sdk/client-s3'),
    ]);
    return { s3, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand };
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    const { s3, PutObjectCommand } = await this.sdk();
    try {
      await s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
    } catch (err) {
      throw translate(err, `put ${key}`);
    }
  }

  async list(prefix: string, max = 1000): Promise<string[]> {
    const { s3, ListObjectsV2Command } = await this.sdk();
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
        keys.push(...(out.Contents ?? []).map((o) => o.Key!).filter(Boolean));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token && keys.length < max);
    } catch (err) {
      throw translate(err, `list ${prefix}`);
    }
    return keys.slice(0, max);
  }

  /**
   * A presigned GET: the browser fetches the file from S3 itself, so size is not bound by Lambda's 6 MB response
   * and bytes are never re-encoded. S3 answers it as a download of opaque bytes, whatever type the customer's
   * mail claimed, so it can never render, let alone run, in any origin. The presigner is loaded when an agent first
   * opens an attachment, not at every cold start of every function that stores blobs. The object is asked for
   * first (a HEAD, allowed by s3:GetObject): a URL to an expired one would leave the agent on S3's XML error.
   */
  async downloadUrl(key: string, options: { filename: string; expiresInSeconds: number }): Promise<string> {
    const [{ s3, GetObjectCommand, HeadObjectCommand }, { getSignedUrl }] = await Promise.all([this.sdk(), import('@aws-sdk/s3-request-presigner')]);
    try {
      await s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      throw missingOr(err, key, `head ${key}`);
    }
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      ResponseContentType: 'application/octet-stream',
    });
    return getSignedUrl(s3, command, { expiresIn: options.expiresInSeconds });
  }

  async get(key: string): Promise<Uint8Array> {
    const { s3, GetObjectCommand } = await this.sdk();
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await out.Body!.transformToByteArray();
    } catch (err) {
      throw missingOr(err, key, `get ${key}`);
    }
  }
}

/**
 * NoSuchKey (GET) and NotFound (HEAD: no body, so the SDK names the status) mean the key is not there: expired by
 * the bucket's lifecycle rule, most often. S3 says so only to a caller allowed to list the key's prefix; without
 * s3:ListBucket it answers AccessDenied (403) instead, which is why inbox-api, which reads originals that expire,
 * may list mail/ and media/ (s3:prefix, infra/lib/inbox.ts). AccessDenied is deliberately not taken for a missing
 * key: with that grant in place it means a real refusal (a key outside the granted prefixes, a changed role or
 * bucket policy), and telling an agent "the original is gone" would hide a fault an operator must fix behind a
 * plausible message. It stays an error: a 500, seen by the function's errors alarm.
 */
function missingOr(err: unknown, key: string, what: string): Error {
  const name = (err as { name?: string }).name;
  if (name === 'NoSuchKey' || name === 'NotFound') return new NotFoundError(`no object at ${key}`, { cause: err });
  return translate(err, what);
}

function translate(err: unknown, what: string): Error {
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
  const name = (err as { name?: string }).name ?? 'unknown';
  if (status >= 500 || status === 0 || name === 'SlowDown' || name === 'RequestTimeout') {
    return new TransientError(`S3 ${what} failed and may pass on retry: ${name}`, { cause: err });
  }
  return new Error(`S3 ${what} failed: ${name}`, { cause: err });
}
