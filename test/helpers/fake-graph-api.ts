import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphRequest {
  method: string;
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** performance.now() when the request reached the server. */
  receivedAt: number;
}

export type GraphAnswer = { status: number; body: unknown };

/** Error payloads exactly as the Graph API sends them. */
export const GRAPH_ERRORS = {
  reengagement: {
    status: 400,
    body: {
      error: {
        message: '(#131047) Re-engagement message',
        type: 'OAuthException',
        code: 131047,
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
        fbtrace_id: 'AbCdEf123',
      },
    },
  },
  rateLimit: {
    status: 400,
    body: {
      error: {
        message: '(#130429) Rate limit hit',
        type: 'OAuthException',
        code: 130429,
        error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
        fbtrace_id: 'AbCdEf124',
      },
    },
  },
  expiredToken: {
    status: 401,
    body: {
      error: {
        message: 'Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST.',
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        fbtrace_id: 'AbCdEf125',
      },
    },
  },
  unknown: {
    status: 500,
    body: { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true, fbtrace_id: 'AbCdEf126' } },
  },
} satisfies Record<string, GraphAnswer>;

/**
 * A local HTTP server that answers like the Graph API: POST /v21.0/{id}/messages with WhatsApp's or Messenger's
 * success body, or whatever `answers` says next (real error payloads above).
 */
export async function startFakeGraphApi() {
  const requests: GraphRequest[] = [];
  const answers: GraphAnswer[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const receivedAt = performance.now();
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const port = (server.address() as AddressInfo).port;
      // WhatsApp media: GET /v21.0/{media-id} gives a URL; GET on it (with the token) gives the bytes
      const lookup = /^\/v21\.0\/(\d+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && lookup) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            messaging_product: 'whatsapp',
            url: `http://127.0.0.1:${port}/media-bytes/${lookup[1]}`,
            mime_type: 'image/jpeg',
            sha256: 'x',
            file_size: 9,
            id: lookup[1],
          }),
        );
        return;
      }
      if (req.method === 'GET' && req.url?.startsWith('/media-bytes/')) {
        if (req.headers.authorization !== 'Bearer local-test-wa-token') return void res.writeHead(401).end();
        res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from(`JPEG-${req.url.slice(13)}`));
        return;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body, receivedAt });
      counter += 1;
      const scripted = answers.shift();
      const answer = scripted ?? {
        status: 200,
        body:
          body.messaging_product === 'whatsapp'
            ? { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.fake.${counter}` }] }
            : { recipient_id: (body.recipient as { id?: string })?.id, message_id: `m_fake_${counter}` },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`,
    requests,
    /** The next answers, in order; after them, success. */
    answerNext: (...next: GraphAnswer[]) => answers.push(...next),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
