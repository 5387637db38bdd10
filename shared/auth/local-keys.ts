import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from './roles.js';
import { lifetimeFits, MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime.js';

export const LOCAL_ISSUER = 'balie-local';
const ALG = 'ES256';

interface KeyFiles {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The local stack's signing key pair, generated into DATA_DIR on first start and reused after. */
export async function ensureLocalKeys(dataDir: string): Promise<KeyFiles> {
  const dir = join(dataDir, 'auth');
  const file = join(dir, 'signing-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as KeyFiles;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const keys: KeyFiles = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return JSON.parse(await readFile(file, 'utf8')) as KeyFiles;
}

export async function signLocalToken(
  privateJwk: JWK,
  agent: { sub: string; name: string; role: Role },
  options: { expiresIn?: string; issuer?: string } = {},
): Promise<string> {
  const key = await importJWK(privateJwk, ALG);
  const expiresIn = options.expiresIn ?? '12h';
  const token = await new SignJWT({ name: agent.name, 'cognito:groups': [agent.role], token_use: 'id' })
    .setProtectedHeader({ alg: ALG, kid: privateJwk.kid })
    .setSubject(agent.sub)
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
  // a token the stack would refuse is a mistake to say now, not a 401 later
  if (!lifetimeFits(decodeJwt(token))) throw new Error(`a token lives at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600} h, not ${expiresIn}`);
  return token;
}
