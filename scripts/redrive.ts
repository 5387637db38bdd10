// npm run redrive -- --from <dlq url> --to <queue url> [--max N] [--dry-run] [--force]
// npm run redrive -- --from <email-ingest dlq url> --invoke <function name> [--max N] [--dry-run]
// Moves messages from a DLQ back to their queue (shared/queue/redrive.ts), or, for a Lambda on-failure destination
// (ingest-email's DLQ), invokes the function again with each event it failed on. In AWS it uses the usual credential
// chain; the region comes from AWS_REGION or the queue URL. An http://127.0.0.1 or http://localhost URL is the
// local emulator (npm start with SQS_PORT set), reached with the local stack's dummy credentials.
import { parseArgs } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import { redrive, RedriveRefusedError, replayFailedInvocations } from '../shared/queue/redrive.js';

const usage = [
  'usage: npm run redrive -- --from <dlq url> --to <queue url> [--max N] [--dry-run] [--force]',
  '       npm run redrive -- --from <email-ingest dlq url> --invoke <function name> [--max N] [--dry-run]',
].join('\n');

function clientConfigFor(queueUrl: string): SQSClientConfig {
  const url = new URL(queueUrl);
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return { endpoint: url.origin, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  }
  const region = process.env.AWS_REGION ?? /^sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(url.hostname)?.[1];
  return region ? { region } : {};
}

function parse() {
  try {
    return parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        invoke: { type: 'string' },
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
}
const args = parse();
const max = args.max === undefined ? undefined : Number(args.max);
// exactly one of --to (a queue) and --invoke (a function)
if (!args.from || !args.to === !args.invoke || (max !== undefined && !(Number.isInteger(max) && max > 0))) {
  console.error(usage);
  process.exit(2);
}
const from = args.from;
const dryRun = args['dry-run'];

const sqs = new SQSClient(clientConfigFor(from));
try {
  process.exitCode = args.invoke ? await replay(args.invoke) : await moveBack(args.to!);
} catch (err) {
  console.error(err instanceof RedriveRefusedError ? `refused: ${err.message}` : err);
  process.exitCode = err instanceof RedriveRefusedError ? 2 : 1;
} finally {
  sqs.destroy();
}

async function moveBack(to: string): Promise<number> {
  const result = await redrive(sqs, { from, to, max, dryRun, force: args.force });
  if (result.dryRun) console.log(`dry run: ${result.received} message(s) would move from ${from} to ${to}; nothing moved`);
  else console.log(`moved ${result.moved} of ${result.received} message(s) from ${from} to ${to}`);
  for (const f of result.failed) console.error(`not sent, left in the DLQ: ${f.messageId} (${f.code}${f.message ? `: ${f.message}` : ''})`);
  for (const f of result.notDeleted) console.error(`sent but not deleted from the DLQ (now on both queues): ${f.messageId} (${f.code})`);
  if (result.stoppedBy) console.error(`stopped early: ${result.stoppedBy}`);
  console.log(`received ${result.received}, moved ${result.moved}, failed ${result.failed.length}, not deleted ${result.notDeleted.length}`);
  return result.failed.length + result.notDeleted.length > 0 || result.stoppedBy ? 1 : 0;
}

/** The function's name in a name or ARN, without a version or alias: what an invocation record must name. */
function functionNameOf(nameOrArn: string): string {
  const parts = nameOrArn.split(':');
  const at = parts.indexOf('function');
  return at >= 0 ? parts[at + 1]! : nameOrArn;
}

async function replay(functionName: string): Promise<number> {
  // LAMBDA_ENDPOINT: a server that speaks Lambda's Invoke API (the tests'), with the local emulator's dummy credentials
  const endpoint = process.env.LAMBDA_ENDPOINT;
  const lambda = new LambdaClient(
    endpoint ? { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : clientConfigFor(from),
  );
  try {
    const result = await replayFailedInvocations(sqs, {
      from,
      max,
      dryRun,
      invoke: async (payload, functionArn) => {
        if (functionNameOf(functionArn) !== functionNameOf(functionName)) return `the record is of ${functionArn}, not ${functionName}`;
        const out = await lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: JSON.stringify(payload) }));
        return out.FunctionError
          ? `${out.FunctionError}: ${Buffer.from(out.Payload ?? [])
              .toString('utf8')
              .slice(0, 500)}`
          : undefined;
      },
    });
    if (result.dryRun) console.log(`dry run: ${result.received} failed invocation(s) would be replayed on ${functionName}; nothing invoked`);
    for (const f of result.failed) console.error(`not replayed, left in the DLQ: ${f.messageId} (${f.code}${f.message ? `: ${f.message}` : ''})`);
    for (const f of result.notDeleted) console.error(`replayed but not deleted from the DLQ (a later replay invokes it again): ${f.messageId} (${f.code})`);
    console.log(`received ${result.received}, replayed ${result.replayed}, failed ${result.failed.length}, not deleted ${result.notDeleted.length}`);
    return result.failed.length + result.notDeleted.length > 0 ? 1 : 0;
  } finally {
    lambda.destroy();
  }
}
