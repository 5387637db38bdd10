import { SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import { SesEmailSender } from '../../shared/channels/email/ses-sender.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { common, parseEnv } from '../../shared/config/env.js';
import { createLogger } from '../../shared/config/logger.js';
import { ProviderError, type Channel, type Sender } from '../../shared/domain/index.js';
import { DynamoThreadStore } from '../../shared/store/index.js';
import { sendApprovedDraft } from '../../shared/use-cases/send-reply.js';
import { createSendHandler } from './app.js';

const config = parseEnv({ ...common, SUPPORT_EMAIL_FROM: z.string().min(3, 'SUPPORT_EMAIL_FROM must be the From of replies, e.g. "Shop <support@shop.nl>"') });
const store = new DynamoThreadStore(createDocumentClient(), config.TABLE_NAME);
const email = new SesEmailSender(new SESv2Client({}), config.SUPPORT_EMAIL_FROM);

// Issue 4 adds the WhatsApp, Messenger and Instagram senders; until then a reply on those channels fails
// visibly (the draft shows the reason) instead of disappearing.
const notYet = (channel: Channel): Sender => ({
  send: () => Promise.reject(new ProviderError(`no ${channel} sender is configured yet`, 'no_sender', false)),
});

export const handler = createSendHandler({
  send: (job) => sendApprovedDraft({ store, senderFor: (channel) => (channel === 'email' ? email : notYet(channel)), emailFrom: config.SUPPORT_EMAIL_FROM }, job),
  logger: createLogger('send'),
});
