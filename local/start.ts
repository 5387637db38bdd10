import { localConfig } from './config.js';
import { startLocalStack } from './stack.js';

const config = localConfig();
const started = Date.now();
const stack = await startLocalStack({
  port: config.PORT,
  dataDir: config.DATA_DIR,
  dynamodbPort: config.DYNAMODB_PORT,
  sqsPort: config.SQS_PORT,
  s3Port: config.S3_PORT,
  metaAppSecret: config.META_APP_SECRET,
  metaVerifyToken: config.META_VERIFY_TOKEN,
  demo: config.DEMO === 'true',
  triagePollers: config.TRIAGE_POLLERS,
  modelDir: config.TRIAGE_MODEL_DIR,
  logLevel: config.LOG_LEVEL,
  channels: {
    graphApiBaseUrl: config.GRAPH_API_BASE_URL,
    whatsappAccessToken: config.WHATSAPP_ACCESS_TOKEN,
    pageAccessToken: config.MESSENGER_PAGE_ACCESS_TOKEN,
    instagramAccessToken: config.INSTAGRAM_ACCESS_TOKEN,
  },
});
const realChannels = (['WHATSAPP_ACCESS_TOKEN', 'MESSENGER_PAGE_ACCESS_TOKEN', 'INSTAGRAM_ACCESS_TOKEN'] as const).filter((k) => config[k]);

const dataDirArg = config.DATA_DIR === '.data' ? '' : `DATA_DIR=${config.DATA_DIR} `;
console.log(`
Balie is running at ${stack.url}  (ready in ${Date.now() - started} ms)

  Inbox page       ${stack.url}/                     (sign in as a demo agent; press ? for the keys)
  Inbox API        ${stack.url}/api/threads          (Authorization: Bearer <token>)
  WhatsApp webhook ${stack.url}/webhooks/whatsapp
  Email (raw MIME) ${stack.url}/local/email        Sent replies: ${stack.url}/local/outbox
  Messenger / Instagram webhooks ${stack.url}/webhooks/messenger, ${stack.url}/webhooks/instagram
  Triage           ${stack.triageMode === 'local' ? 'local engine (set OPENAI_API_KEY for the OpenAI engine)' : `OpenAI engine, ${stack.triageMode} mode, local engine as fallback`}
  Triage model     ${stack.triageModel === 'shipped' ? 'the shipped model (TRIAGE_MODEL_DIR=DIR uses one npm run train -- --from FILE --out DIR wrote)' : `${stack.triageModel}, published from ${config.TRIAGE_MODEL_DIR ?? 'an earlier start'}`}
  Replies go to   ${realChannels.length ? `the real APIs for ${realChannels.join(', ')}; the rest to the local outbox` : 'the local outbox (no channel tokens set)'}
  Health           ${stack.url}/health

  META_APP_SECRET   ${stack.metaAppSecret}    (X-Hub-Signature-256 = HMAC-SHA256 of the raw body)
  META_VERIFY_TOKEN ${stack.metaVerifyToken}
  Token            ${dataDirArg}npm run token -- --role agent      (or --role supervisor)

  Data             ${stack.dataDir}
  DynamoDB (dynalite) ${stack.dynamodb.endpoint}   SQS (local-aws-sqs) ${stack.sqs.endpoint}   S3 (s3rver) ${stack.s3.endpoint}
${stack.demoSent ? `  Demo             ${stack.demoSent} messages sent: WhatsApp through the signed webhook, email through /local/email\n` : ''}
Ctrl-C stops it: webhooks stop first, the queue drains, then the emulators stop.
`);

let signals = 0;
const shutdown = async (signal: string) => {
  signals += 1;
  if (signals > 1) {
    console.log('second signal: exiting without draining');
    process.exit(130);
  }
  console.log(`${signal}: draining the queue…`);
  const { drained } = await stack.stop();
  console.log(drained ? 'queue drained; stopped.' : 'stopped before the queue drained (messages stay in SQS memory and are lost with it).');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
