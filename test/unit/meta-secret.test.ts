import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { metaWebhookSecret } from '../../shared/config/meta-secret.js';

const sm = mockClient(SecretsManagerClient);
const client = () => new SecretsManagerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

describe('Meta webhook secret at cold start', () => {
  beforeEach(() => sm.reset());

  it('reads appSecret and verifyToken from the secret named by META_SECRET_ARN', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ appSecret: 's3cr3t-value', verifyToken: 'tok' }) });
    expect(await metaWebhookSecret({ META_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:meta' }, client())).toEqual({
      appSecret: 's3cr3t-value',
      verifyToken: 'tok',
    });
    expect(sm.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:meta' });
  });

  it('uses env values when both are set, without calling Secrets Manager', async () => {
    expect(await metaWebhookSecret({ META_APP_SECRET: 'a', META_VERIFY_TOKEN: 'b', META_SECRET_ARN: 'arn:x' }, client())).toEqual({
      appSecret: 'a',
      verifyToken: 'b',
    });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('fails the cold start by name, never showing the value, when the secret has the wrong shape', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ appSecret: 'leak-me-not' }) });
    const error = await metaWebhookSecret({ META_SECRET_ARN: 'arn:x' }, client()).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/must hold appSecret and verifyToken/);
    expect((error as Error).message).not.toContain('leak-me-not');
    await expect(metaWebhookSecret({}, client())).rejects.toThrow(/META_SECRET_ARN/);
  });
});

describe('channel tokens at cold start', () => {
  beforeEach(() => sm.reset());

  it('has no tokens without a secret, and reads the ones the secret holds', async () => {
    expect(await readChannelCredentials(undefined, client())).toEqual({});
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ whatsappAccessToken: 'wa-1' }) });
    expect(await readChannelCredentials('arn:x', client())).toEqual({ whatsappAccessToken: 'wa-1' });
  });

  it('refuses a secret of the wrong shape without showing it', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ whatsappAccessToken: 12345678 }) });
    const error = (await readChannelCredentials('arn:x', client()).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/channel secret \(arn:x\) must hold/);
    expect(error.message).not.toContain('12345678');
  });
});
