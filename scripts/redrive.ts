// npm run redrive -- --from <dlq url> --to <queue url> [--max N] [--dry-run] [--force]
// Moves messages from a DLQ back to their queue (shared/queue/redrive.ts). In AWS it uses the usual credential
// chain; the region comes from AWS_REGION or the queue URL. An http://127.0.0.1 or http://localhost URL is the
// local emulator (npm start with SQS_PORT set), reached with the local stack's dummy credentials.
import { parseArgs } from 'node:util';
import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import { redrive, RedriveRefusedError } from '../shared/queue/redrive.js';

const usage = 'usage: npm run redrive -- --from <dlq url> --to <queue url> [--max N] [--dry-run] [--force]';

function clientConfigFor(queueUrl: string): SQSClientConfig {
  const url = new URL(queueUrl);
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return { endpoint: url.origin, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  }
  const region = process.env.AWS_REGION ?? /^sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(url.hostname)?.[1];
  return region ? { region } : {};
}

let args;
try {
  args = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      max: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const max = args.max === undefined ? undefined : Number(args.max);
if (!args.from || !args.to || (max !== undefined && !(Number.isInteger(max) && max > 0))) {
  console.error(usage);
  process.exit(2);
}

const sqs = new SQSClient(clientConfigFor(args.from));
try {
  const result = await redrive(sqs, { from: args.from, to: args.to, max, dryRun: args['dry-run'], force: args.force });
  if (result.dryRun) {
    console.log(`dry run: ${result.received} message(s) would move from ${args.from} to ${args.to}; nothing moved`);
  } else {
    console.log(`moved ${result.moved} of ${result.received} message(s) from ${args.from} to ${args.to}`);
  }
  for (const f of result.failed) console.error(`not sent, left in the DLQ: ${f.messageId} (${f.code}${f.message ? `: ${f.message}` : ''})`);
  for (const f of result.notDeleted) console.error(`sent but not deleted from the DLQ (now on both queues): ${f.messageId} (${f.code})`);
  if (result.stoppedBy) console.error(`stopped early: ${result.stoppedBy}`);
  console.log(`received ${result.received}, moved ${result.moved}, failed ${result.failed.length}, not deleted ${result.notDeleted.length}`);
  process.exitCode = result.failed.length + result.notDeleted.length > 0 || result.stoppedBy ? 1 : 0;
} catch (err) {
  console.error(err instanceof RedriveRefusedError ? `refused: ${err.message}` : err);
  process.exitCode = err instanceof RedriveRefusedError ? 2 : 1;
} finally {
  sqs.destroy();
}
