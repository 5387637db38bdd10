import { createDocumentClient } from '../../shared/config/clients.js';
import { common, parseEnv } from '../../shared/config/env.js';
import { createLogger } from '../../shared/config/logger.js';
import { DynamoThreadStore } from '../../shared/store/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { createTriageHandler } from './app.js';

const config = parseEnv(common);

export const handler = createTriageHandler({
  processEvent: createInboundEventProcessor({
    store: new DynamoThreadStore(createDocumentClient(), config.TABLE_NAME),
    classifier: new RuleClassifier(),
    drafter: new TemplateDrafter(),
  }),
  logger: createLogger('triage'),
});
