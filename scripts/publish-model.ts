// npm run publish-model -- --model DIR --bucket NAME [--endpoint URL]
// Puts a model folder (npm run train -- --from FILE --out DIR) in the bucket's models/ and points models/current.json
// at it; triage uses it at its next cold start, and running functions within MODEL_CHECK_SECONDS (5 minutes). The
// model is loaded and checked first: a corrupt folder exits 2 and the model in use stays. In AWS the bucket is the
// stack's MailBucketName output and the usual credential chain is used; --endpoint http://127.0.0.1:PORT is the local
// stack's S3 (npm start with S3_PORT set), reached with its dummy credentials.
import { parseArgs } from 'node:util';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3BlobStore } from '../shared/store/s3-blob-store.js';
import { MODEL_PREFIX, publishModel } from '../shared/triage/local/published-model.js';

const usage = 'usage: npm run publish-model -- --model DIR --bucket NAME [--endpoint URL]';
let values: { model?: string; bucket?: string; endpoint?: string };
try {
  values = parseArgs({ options: { model: { type: 'string' }, bucket: { type: 'string' }, endpoint: { type: 'string' } }, strict: true }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.model || !values.bucket) {
  console.error(usage);
  process.exit(2);
}
const config: S3ClientConfig = values.endpoint
  ? { endpoint: values.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
  : {};
try {
  const published = await publishModel(new S3BlobStore(new S3Client(config), values.bucket), MODEL_PREFIX, values.model);
  console.log(
    `published ${published.id} (${published.categories.length} categories) to s3://${values.bucket}/${MODEL_PREFIX}; triage switches within 5 minutes`,
  );
  console.log(JSON.stringify(published));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
