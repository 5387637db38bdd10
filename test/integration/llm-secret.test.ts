import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { triageEngines } from '../../shared/config/triage-engines.js';
import { anLlmAnswer, startFakeOpenAi } from '../helpers/fake-openai.js';

// In AWS the LLM key is in the LlmApiKeySecret (infra/lib/triage.ts), not in the function's environment: triage
// reads it from Secrets Manager (mocked here) and calls a server that speaks OpenAI's protocol with it.
describe('the LLM API key from Secrets Manager', () => {
  const secrets = mockClient(SecretsManagerClient);
  let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
  const answer = anLlmAnswer();
  const env = () => ({
    LLM_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:LlmApiKey',
    OPENAI_BASE_URL: openai.baseURL,
    TRIAGE_MODE: 'llm',
    OPENAI_MAX_RETRIES: '0',
  });
  const message = { text: 'Waar blijft mijn pakket? Bestelling 12345', channel: 'email' as const, contact: { handle: 'klant@example.nl' } };

  beforeAll(async () => {
    openai = await startFakeOpenAi();
  });
  afterEach(() => secrets.reset());
  afterAll(() => openai.close());

  it('calls the LLM with the key stored in the secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: 'sk-from-the-secret' }) });
    openai.answerNext({ kind: 'json', content: answer });
    const engines = await triageEngines(undefined, env());
    expect(engines.mode).toBe('llm');

    const classification = (await engines.engine.assess(message)).classification;

    expect(classification.engine).toBe('openai:gpt-4o-mini');
    expect(openai.authorizations.at(-1)).toBe('Bearer sk-from-the-secret');
    expect(secrets.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: env().LLM_SECRET_ARN });
  });

  it('falls back to the local engine, naming the secret and not its value, while no key is stored', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({}) });
    const calls = openai.requests.length;
    const engines = await triageEngines(undefined, env());

    const classification = (await engines.engine.assess(message)).classification;

    expect(classification.engine).toMatch(/\+fallback$/);
    expect(classification.reasons.join(' ')).toMatch(/configuration error: the LLM API key secret must hold apiKey/);
    // the reason is shown to agents: no account id or secret name
    expect(classification.reasons.join(' ')).not.toContain('arn:');
    expect(openai.requests.length).toBe(calls);
  });

  it('uses a new key without a redeploy: the key in hand until SECRETS_MAX_AGE_SECONDS, then the stored one', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: 'sk-old' }) });
    const engines = await triageEngines(undefined, { ...env(), SECRETS_MAX_AGE_SECONDS: '1' });
    openai.answerNext({ kind: 'json', content: answer }, { kind: 'json', content: answer }, { kind: 'json', content: answer });
    await engines.engine.assess(message);
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: 'sk-new' }) });
    await engines.engine.assess(message);
    expect(openai.authorizations.slice(-2)).toEqual(['Bearer sk-old', 'Bearer sk-old']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);

    // one second is the shortest maximum age; waiting it out is the point of this test
    await new Promise((r) => setTimeout(r, 1_100));
    await engines.engine.assess(message);
    expect(openai.authorizations.at(-1)).toBe('Bearer sk-new');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('gives up on a call at LLM_CALL_DEADLINE_MS, which the stack sets from the same figure as the function timeout', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: 'sk-from-the-secret' }) });
    openai.answerNext({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const engines = await triageEngines(undefined, { ...env(), OPENAI_MAX_RETRIES: '2', LLM_CALL_DEADLINE_MS: '400' });

    const classification = (await engines.engine.assess(message)).classification;

    expect(classification.engine).toMatch(/\+fallback$/);
    expect(classification.llm?.fallback).toMatch(/^gave up at the deadline after \d+ ms$/);
  });

  it('uses the local engine alone in local mode, without reading the secret', async () => {
    const engines = await triageEngines(undefined, { ...env(), TRIAGE_MODE: 'local' });

    expect(engines.mode).toBe('local');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});
