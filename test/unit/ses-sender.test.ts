import { MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesEmailSender } from '../../shared/channels/email/ses-sender.js';
import type { OutboundMessage } from '../../shared/domain/index.js';

const sesMock = mockClient(SESv2Client);
const reply: OutboundMessage = {
  channel: 'email',
  to: { handle: 'sanne.devries@gmail.com', name: 'Sanne de Vries' },
  text: 'Hoi Sanne,\n\nUw pakket is vandaag verstuurd.\n\nMet vriendelijke groet,\nKlantenservice',
  email: {
    subject: 'Re: Bestelling 10482',
    messageId: '<balie.d_1@demoshop.nl>',
    inReplyTo: '<CAH7Lx0a@mail.gmail.com>',
    references: ['<first@mail.gmail.com>', '<CAH7Lx0a@mail.gmail.com>'],
  },
};
const sender = () =>
  new SesEmailSender(new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), 'Demoshop <support@demoshop.nl>');

describe('SES email sender', () => {
  beforeEach(() => sesMock.reset());

  it('sends raw MIME with our threading headers and remembers the Message-ID SES puts on it', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: '0102018c-abc-000000' });
    const { providerMessageId } = await sender().send(reply);
    expect(providerMessageId).toBe('<0102018c-abc-000000@eu-west-1.amazonses.com>');
    const raw = Buffer.from(sesMock.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Raw!.Data!).toString();
    const headers = raw.split('\r\n\r\n')[0]!;
    expect(headers).toContain('From: Demoshop <support@demoshop.nl>');
    expect(headers).toContain('To: Sanne de Vries <sanne.devries@gmail.com>');
    expect(headers).toContain('Subject: Re: Bestelling 10482');
    expect(headers).toContain('In-Reply-To: <CAH7Lx0a@mail.gmail.com>');
    expect(headers).toContain('References: <first@mail.gmail.com> <CAH7Lx0a@mail.gmail.com>');
    expect(headers).toContain('Message-ID: <balie.d_1@demoshop.nl>');
  });

  it("calls throttling retryable, keeping SES's code", async () => {
    sesMock.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: { httpStatusCode: 429 } }));
    await expect(sender().send(reply)).rejects.toMatchObject({ retryable: true, code: 'TooManyRequestsException' });
  });

  it("calls a rejected message final, keeping SES's code and text for the agent", async () => {
    sesMock.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified', $metadata: { httpStatusCode: 400 } }));
    await expect(sender().send(reply)).rejects.toMatchObject({
      retryable: false,
      code: 'MessageRejected',
      message: expect.stringContaining('Email address is not verified'),
    });
  });
});
