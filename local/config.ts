import { z } from 'zod';
import { logLevelSchema, parseEnv } from '../shared/config/env.js';
import { LOCAL_DEFAULTS } from './stack.js';

const port = z.coerce.number().int().min(0).max(65_535);

/** The local stack's variables (README, Configuration). */
export function localConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    {
      PORT: port.default(LOCAL_DEFAULTS.port),
      DATA_DIR: z.string().min(1).default(LOCAL_DEFAULTS.dataDir),
      DYNAMODB_PORT: port.default(0),
      SQS_PORT: port.default(0),
      S3_PORT: port.default(0),
      META_APP_SECRET: z.string().min(1).default(LOCAL_DEFAULTS.metaAppSecret),
      META_VERIFY_TOKEN: z.string().min(1).default(LOCAL_DEFAULTS.metaVerifyToken),
      DEMO: z.enum(['true', 'false']).default('true'),
      TRIAGE_POLLERS: z.coerce.number().int().min(1).max(32).default(4),
      /** A model folder from `npm run train -- --from FILE --out DIR`: published to the local bucket at start, and triage uses it. */
      TRIAGE_MODEL_DIR: z.string().min(1).optional(),
      LOG_LEVEL: logLevelSchema.default('WARN'),
      GRAPH_API_BASE_URL: z.url().optional(),
      WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
      MESSENGER_PAGE_ACCESS_TOKEN: z.string().min(1).optional(),
      INSTAGRAM_ACCESS_TOKEN: z.string().min(1).optional(),
    },
    env,
  );
}
