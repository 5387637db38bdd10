import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { SignatureError } from '../../shared/channels/errors.js';
import { answerVerification } from '../../shared/channels/meta-signature.js';
import { normaliseMetaMessagingWebhook } from '../../shared/channels/meta-messaging/normalise.js';
import { normaliseWhatsappWebhook } from '../../shared/channels/whatsapp/normalise.js';
import { correlatedEvents, correlation, currentCorrelationId } from '../../shared/observability/correlation.js';
import { recordMessagesIn } from '../../shared/observability/metrics.js';
import type { MetaSecret } from '../../shared/config/meta-secret.js';
import type { EventPublisher } from '../../shared/domain/index.js';
import { errorHandler } from '../../shared/http/on-error.js';
import { ingestMetaWebhook } from '../../shared/use-cases/ingest-webhook.js';

export interface WebhookAppDeps {
  /** The Meta app secret (X-Hub-Signature-256) and the handshake's verify token, read when first needed. */
  secret: () => Promise<MetaSecret>;
  /** The secret read again now (rate-limited by the reader): for a signature or verify token it does not match. */
  rereadSecret?: () => Promise<MetaSecret>;
  maxBodyBytes: number;
  publisher: EventPublisher;
  logger: Logger;
  /** MessagesIn per channel, emitted as each webhook's events reach the queue. */
  metrics?: Metrics;
}

/**
 * Meta's webhooks: the GET handshake and signed POSTs, one route pair per channel. Every event a request queues
 * carries the request's correlation id.
 */
export function createWebhookApp(deps: WebhookAppDeps): Hono {
  const app = new Hono();
  app.onError(errorHandler(deps.logger));
  app.use('/webhooks/*', correlation());
  const { metrics } = deps;
  const { rereadSecret } = deps;
  const rereadAppSecret = rereadSecret && (async () => (await rereadSecret()).appSecret);
  const publisher = correlatedEvents(deps.publisher, metrics && ((events) => recordMessagesIn(metrics, events)));
  const channels = {
    whatsapp: normaliseWhatsappWebhook,
    messenger: normaliseMetaMessagingWebhook('messenger'),
    instagram: normaliseMetaMessagingWebhook('instagram'),
  };

  for (const [channel, normalise] of Object.entries(channels)) {
    const path = `/webhooks/${channel}`;
    app.get(path, async (c) => {
      const query = { mode: c.req.query('hub.mode'), token: c.req.query('hub.verify_token'), challenge: c.req.query('hub.challenge') };
      const { verifyToken } = await deps.secret();
      try {
        return c.text(answerVerification(query, verifyToken));
      } catch (error) {
        // the operator changed the verify token in the secret and pressed "Verify" in Meta's dashboard right after
        if (!(error instanceof SignatureError) || !query.token || !rereadSecret) throw error;
        const fresh = (await rereadSecret()).verifyToken;
        if (fresh === verifyToken) throw error;
        return c.text(answerVerification(query, fresh));
      }
    });
    app.post(
      path,
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: () => {
          throw new HTTPException(413, { message: `body is over ${deps.maxBodyBytes} bytes` });
        },
      }),
      async (c) => {
        const raw = new Uint8Array(await c.req.arrayBuffer());
        const { appSecret } = await deps.secret();
        const result = await ingestMetaWebhook({ appSecret, rereadAppSecret, publisher, normalise }, raw, c.req.header('x-hub-signature-256'));
        deps.logger.info('webhook accepted', { channel, events: result.accepted, correlation_id: currentCorrelationId() });
        return c.json({ received: result.accepted });
      },
    );
  }
  return app;
}
