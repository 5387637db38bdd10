// npm run retrain -- --from FILE [--from FILE…] --bucket NAME [--endpoint URL] [--text-column …] [--label-column …]
// The retrain job, on demand: trains a candidate on the history (an export, then the agents' corrections) without
// its held-out 20%, measures it and the model triage uses now on those same rows, and publishes it to the bucket's
// models/ only when its macro-F1 is higher. The last line of output is one JSON object: promoted or not, and why.
// Exit 0 either way; 2 for a history it cannot train from (nothing published). In AWS the bucket is the stack's
// MailBucketName output; --endpoint http://127.0.0.1:PORT is the local stack's S3.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3BlobStore } from '../shared/store/s3-blob-store.js';
import { MODEL_PREFIX } from '../shared/triage/local/published-model.js';
import { HistoryError, readHistories } from '../training/lib/history.js';
import { retrain, RetrainRefusedError } from '../training/lib/retrain.js';
import { sha256Files } from '../training/lib/shop-model.js';

const usage = 'usage: npm run retrain -- --from FILE [--from FILE…] --bucket NAME [--endpoint URL] [--text-column C] [--label-column C] [--skip-invalid]';
let values;
try {
  values = parseArgs({
    options: {
      from: { type: 'string', multiple: true },
      bucket: { type: 'string' },
      endpoint: { type: 'string' },
      'text-column': { type: 'string' },
      'label-column': { type: 'string' },
      'subject-column': { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.from?.length || !values.bucket) {
  console.error(usage);
  process.exit(2);
}
const config: S3ClientConfig = values.endpoint
  ? { endpoint: values.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
  : {};
try {
  const history = readHistories(values.from, {
    textColumn: values['text-column'],
    labelColumn: values['label-column'],
    subjectColumn: values['subject-column'],
    skipInvalid: values['skip-invalid'],
  });
  console.log(`${values.from.join(' + ')}: ${history.rows.length} rows, ${history.labels.length} categories; training a candidate without the held-out 20%…`);
  const outcome = await retrain(
    history,
    { file: values.from.map((f) => basename(f)).join(' + '), sha256: sha256Files(values.from) },
    new S3BlobStore(new S3Client(config), values.bucket),
    MODEL_PREFIX,
  );
  console.log(outcome.promoted ? `promoted: ${outcome.reason}` : `kept the model in use (${outcome.current.id}): ${outcome.reason}`);
  console.log(JSON.stringify(outcome));
} catch (err) {
  if (!(err instanceof HistoryError) && !(err instanceof RetrainRefusedError)) throw err;
  console.error((err as Error).message);
  process.exit(2);
}
