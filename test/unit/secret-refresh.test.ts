import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWebhookApp } from '../../functions/ingest-webhook/app.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { channelCredentialsReader } from '../../shared/config/channel-credentials.js';
import { DEFAULT_MAX_WEBHOOK_BYTES, parseEnv, sendShape, webhookShape } from '../../shared/config/env.js';
import { SecretReadError } from '../../shared/config/errors.js';
import { metaSecretReader } from '../../shared/config/meta-secret.js';
import { derived } from '../../shared/config/refreshing.js';
import { fixture } from '../helpers/fixtures.js';
import { recordingLogger, recordingPublisher } from '../helpers/fuzz.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:balie/meta-AbCdEf';
const sm = mockClient(SecretsManagerClient);
const client = () => new SecretsManagerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const metaSecretJson = (appSecret: string, verifyToken = 'verify-1') => ({ SecretString: JSON.stringify({ appSecret, verifyToken }) });
const reads = () => sm.commandCalls(GetSecretValueCommand).length;

/** A clock the test moves; nothing sleeps. */
function clock(start = Date.UTC(2026, 11, 3, 9)) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

function warnings() {
  const lines: string[] = [];
  return { lines, logger: { warn: (message: string) => void lines.push(message) } };
}

function accessDenied() {
  return Object.assign(new Error('User: arn:aws:sts::111122223333:assumed-role/x is not authorized'), { name: 'AccessDeniedException' });
}

function reader(time = clock(), log = warnings()) {
  return {
    time,
    log,
    secret: metaSecretReader({ META_SECRET_ARN: ARN, SECRETS_MAX_AGE_SECONDS: 300 }, { client: client(), logger: log.logger, now: time.now }),
  };
}

beforeEach(() => sm.reset());

describe('a secret kept with a maximum age', () => {
  it('uses what it read for five minutes, then the next read asks Secrets Manager again and gets the rotated value', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('old-secret')).resolves(metaSecretJson('new-secret'));
    const { time, secret } = reader();
    expect((await secret()).appSecret).toBe('old-secret');
    time.advance(299_000);
    expect((await secret()).appSecret).toBe('old-secret');
    expect(reads()).toBe(1);
    time.advance(1_000);
    expect((await secret()).appSecret).toBe('new-secret');
    expect(reads()).toBe(2);
    expect(sm.commandCalls(GetSecretValueCommand)[1]!.args[0].input).toEqual({ SecretId: ARN });
  });

  it('makes one call for every request that arrives while the secret is being read, on the first read and on a refresh', async () => {
    sm.on(GetSecretValueCommand).resolves(metaSecretJson('s'));
    const { time, secret } = reader();
    await Promise.all(Array.from({ length: 20 }, () => secret()));
    expect(reads()).toBe(1);
    time.advance(300_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => secret()));
    expect(reads()).toBe(2);
    expect(new Set(answers.map((a) => a.appSecret))).toEqual(new Set(['s']));
  });

  it('keeps serving the last good value when a refresh fails, with a warning, and does not try again on every request', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('good')).rejects(accessDenied());
    const { time, log, secret } = reader();
    await secret();
    time.advance(300_000);
    expect((await secret()).appSecret).toBe('good');
    expect(log.lines).toEqual(['could not read the Meta webhook secret again; still using the one read 300 s ago']);
    expect(reads()).toBe(2);
    time.advance(10_000);
    expect((await secret()).appSecret).toBe('good');
    expect(reads()).toBe(2);
    time.advance(20_000);
    expect((await secret()).appSecret).toBe('good');
    expect(reads()).toBe(3);
  });

  it('stops serving the old value an hour past its maximum age: then the failure is the answer', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('good')).rejects(accessDenied());
    const { time, secret } = reader();
    await secret();
    time.advance(300_000 + 3_600_000 + 1);
    await expect(secret()).rejects.toThrow(SecretReadError);
  });

  it('fails clearly while it has no good value yet, naming the secret and never its value, and the next request tries again', async () => {
    sm.on(GetSecretValueCommand).rejectsOnce(accessDenied()).resolvesOnce({ SecretString: 'not-json-s3cr3t' }).resolves(metaSecretJson('finally'));
    const { secret } = reader();
    const unreadable = (await secret().catch((e: unknown) => e)) as Error;
    expect(unreadable).toBeInstanceOf(SecretReadError);
    expect(unreadable.message).toBe(`could not read the Meta webhook secret (${ARN}): AccessDeniedException`);
    const notJson = (await secret().catch((e: unknown) => e)) as Error;
    expect(notJson.message).toBe(`configuration error: the Meta webhook secret (${ARN}) is not JSON`);
    expect(notJson.message).not.toContain('s3cr3t');
    expect((await secret()).appSecret).toBe('finally');
    expect(reads()).toBe(3);
  });

  it('reads the channel tokens again after their maximum age, and the senders built on them are built again', async () => {
    sm.on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify({ whatsappAccessToken: 'wa-1' }) })
      .resolves({ SecretString: JSON.stringify({ whatsappAccessToken: 'wa-2' }) });
    const time = clock();
    const config = parseEnv(sendShape, { TABLE_NAME: 'balie', SUPPORT_EMAIL_FROM: 'x@y.nl', CHANNEL_SECRET_ARN: ARN, SECRETS_MAX_AGE_SECONDS: '60' });
    const credentials = channelCredentialsReader(config, { client: client(), now: time.now });
    let built = 0;
    const senders = derived(credentials, (tokens) => ({ token: tokens.whatsappAccessToken, n: ++built }));
    expect(await senders()).toEqual({ token: 'wa-1', n: 1 });
    expect(await senders()).toEqual({ token: 'wa-1', n: 1 });
    time.advance(60_000);
    expect(await senders()).toEqual({ token: 'wa-2', n: 2 });
  });

  it('takes its maximum age from SECRETS_MAX_AGE_SECONDS, five minutes when unset, and refuses a value that is not seconds', () => {
    const env = { INBOUND_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/in' };
    expect(parseEnv(webhookShape, env).SECRETS_MAX_AGE_SECONDS).toBe(300);
    expect(parseEnv(webhookShape, { ...env, SECRETS_MAX_AGE_SECONDS: '30' }).SECRETS_MAX_AGE_SECONDS).toBe(30);
    expect(() => parseEnv(webhookShape, { ...env, SECRETS_MAX_AGE_SECONDS: 'soon' })).toThrow(/SECRETS_MAX_AGE_SECONDS/);
    expect(() => parseEnv(webhookShape, { ...env, SECRETS_MAX_AGE_SECONDS: '0' })).toThrow(/SECRETS_MAX_AGE_SECONDS/);
  });
});

describe('a webhook signed with a just-rotated App Secret', () => {
  const body = JSON.stringify(fixture('whatsapp/text.json'));
  function webhook() {
    const { time, secret } = reader();
    const app = createWebhookApp({
      secret,
      rereadSecret: secret.reread,
      maxBodyBytes: DEFAULT_MAX_WEBHOOK_BYTES,
      publisher: recordingPublisher().publisher,
      logger: recordingLogger().logger,
    });
    const post = (appSecret: string) =>
      app.request('/webhooks/whatsapp', { method: 'POST', body, headers: { 'x-hub-signature-256': signMetaPayload(body, appSecret) } });
    return { app, time, post };
  }

  it('is accepted at once: the secret is read again when the signature does not verify with the one in hand', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('before-rotation')).resolves(metaSecretJson('after-rotation'));
    const { time, post } = webhook();
    expect((await post('before-rotation')).status).toBe(200);
    time.advance(61_000);
    expect((await post('after-rotation')).status).toBe(200);
    expect(reads()).toBe(2);
    expect((await post('after-rotation')).status).toBe(200);
    expect(reads()).toBe(2);
  });

  it('reads the secret again at most once a minute, however many bad signatures arrive', async () => {
    sm.on(GetSecretValueCommand).resolves(metaSecretJson('the-secret'));
    const { time, post } = webhook();
    expect((await post('the-secret')).status).toBe(200);
    // a value younger than a minute is not read again
    for (let i = 0; i < 10; i++) expect((await post('forged')).status).toBe(401);
    expect(reads()).toBe(1);
    time.advance(61_000);
    const flood = await Promise.all(Array.from({ length: 50 }, () => post('forged')));
    expect(flood.every((r) => r.status === 401)).toBe(true);
    expect(reads()).toBe(2);
    time.advance(30_000);
    for (let i = 0; i < 10; i++) await post('forged');
    expect(reads()).toBe(2);
    time.advance(31_000);
    await post('forged');
    expect(reads()).toBe(3);
  });

  it('also reads at most once a minute while Secrets Manager fails, and keeps verifying with the secret in hand', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('the-secret')).rejects(accessDenied());
    const { time, post } = webhook();
    expect((await post('the-secret')).status).toBe(200);
    time.advance(61_000);
    expect((await post('forged')).status).toBe(401);
    expect(reads()).toBe(2);
    time.advance(1_000);
    for (let i = 0; i < 10; i++) expect((await post('forged')).status).toBe(401);
    expect((await post('the-secret')).status).toBe(200);
    expect(reads()).toBe(2);
  });

  it('answers the subscription handshake with a verify token changed just before', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce(metaSecretJson('s', 'token-1')).resolves(metaSecretJson('s', 'token-2'));
    const { app, time } = webhook();
    const verify = (token: string) => app.request(`/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`);
    expect(await (await verify('token-1')).text()).toBe('42');
    time.advance(61_000);
    const res = await verify('token-2');
    expect([res.status, await res.text()]).toEqual([200, '42']);
  });

  it('is refused without a call to Secrets Manager when the header is missing', async () => {
    sm.on(GetSecretValueCommand).resolves(metaSecretJson('the-secret'));
    const { app, time } = webhook();
    await app.request('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-1&hub.challenge=1');
    time.advance(61_000);
    expect((await app.request('/webhooks/whatsapp', { method: 'POST', body })).status).toBe(401);
    expect(reads()).toBe(1);
  });
});
