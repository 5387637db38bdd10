import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Context keys (cdk.json or `cdk synth -c key=value`) with the defaults used when they are unset. */
export const contextDefaults = {
  /**
   * Where Cognito's hosted UI sends the browser back with the authorisation code. Empty: the HTTP API's own
   * `<ApiUrl>auth/callback`, which is right unless the UI is served on a custom domain.
   */
  callbackUrl: '',
  /** Where Cognito's hosted UI sends the browser after sign-out. Empty: the HTTP API's own `<ApiUrl>login`. */
  logoutUrl: '',
  /** 'true' also lets the hosted UI return to the local stack (http://localhost:3000/auth/callback and /login). */
  allowLocalhostCallback: 'false',
  /**
   * The prefix of the hosted UI's domain, `https://<prefix>.auth.<region>.amazoncognito.com`. It must be unique in
   * the region across all AWS accounts, so operators set their own; this default only makes a synth work.
   */
  cognitoDomainPrefix: 'balie-inbox-demo',
  logLevel: 'INFO',
  metaVerifyToken: 'balie-verify-token',
  /** Comma-separated addresses (or domains) the SES receipt rule accepts mail for. */
  supportAddresses: 'support@example.com',
  rawMailRetentionDays: '90',
  mailRetentionDays: '365',
  /** The From of every email reply: `Name <address>` or a bare address; its domain must be verified in SES. */
  supportEmailFrom: 'Balie <support@example.com>',
  /** The Meta Graph API version the send function calls (WhatsApp Cloud API, Messenger, Instagram), e.g. `v21.0`. */
  graphApiVersion: 'v21.0',
  /** One address that gets every alarm by email (SNS asks it to confirm first). Empty: no subscription. */
  alarmEmail: '',
};

export interface BalieSettings {
  /** The callback URL the operator set; undefined means the HTTP API's own `/auth/callback`. */
  readonly callbackUrl?: string;
  /** The sign-out URL the operator set; undefined means the HTTP API's own `/login`. */
  readonly logoutUrl?: string;
  /** Whether the hosted UI may also return to the local stack on http://localhost:3000. */
  readonly allowLocalhostCallback: boolean;
  /** The prefix of the Cognito hosted UI domain. */
  readonly cognitoDomainPrefix: string;
  readonly logLevel: string;
  readonly metaVerifyToken: string;
  readonly supportAddresses: string[];
  readonly rawMailRetention: Duration;
  readonly mailRetention: Duration;
  /** The From header of email replies, as written in context. */
  readonly supportEmailFrom: string;
  /** The bare address inside supportEmailFrom: the only one the send function may send as. */
  readonly supportEmailAddress: string;
  /** `https://graph.facebook.com/<graphApiVersion>`: where the send function reaches WhatsApp, Messenger and Instagram. */
  readonly graphApiBaseUrl: string;
  /** Where the alarm topic sends its notifications by email; undefined means no email subscription. */
  readonly alarmEmail?: string;
}

// No whitespace, angle brackets, quotes or commas in the address itself, so a list of addresses is refused.
const addressPattern = String.raw`[^\s<>@",]+@[^\s<>@",]+\.[^\s<>@",.]+`;
const bareAddress = new RegExp(`^(${addressPattern})$`);
const namedAddress = new RegExp(`^[^<>]*<(${addressPattern})>$`);

/**
 * The bare address of a From value: `Shop <support@shop.example>` → `support@shop.example`, and a bare address as
 * is; undefined for anything else. Case is kept, since IAM compares it with StringEquals against the same text.
 */
export function bareAddressOf(from: string): string | undefined {
  const trimmed = from.trim();
  return (bareAddress.exec(trimmed) ?? namedAddress.exec(trimmed))?.[1];
}

/** The callback and sign-out URLs of the local stack, allowed only with `allowLocalhostCallback`. */
export const localhostCallbackUrl = 'http://localhost:3000/auth/callback';
export const localhostLogoutUrl = 'http://localhost:3000/login';

/**
 * Whether Cognito can use `prefix` as a hosted UI domain prefix: lowercase letters, digits and hyphens, 1–63
 * characters, no hyphen first or last, and none of the words Cognito reserves (aws, amazon, cognito).
 */
export function cognitoDomainPrefixProblem(prefix: string): string | undefined {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) {
    return 'must be 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen';
  }
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => prefix.includes(word));
  return reserved ? `must not contain "${reserved}", which Cognito reserves` : undefined;
}

/** The deployment's settings from the CDK context of `scope`; a bad value fails the synth and names its key. */
export function balieSettings(scope: Construct): BalieSettings {
  // cdk.json may hold numbers; `-c key=value` always gives strings.
  const context = (key: keyof typeof contextDefaults): string => String((scope.node.tryGetContext(key) as string | number | undefined) ?? contextDefaults[key]);

  const days = (key: 'rawMailRetentionDays' | 'mailRetentionDays'): Duration => {
    const value = Number(context(key));
    if (!Number.isInteger(value) || value < 1) throw new Error(`context ${key} must be a whole number of days, got "${context(key)}"`);
    return Duration.days(value);
  };

  // A receipt rule without recipients takes mail for every verified identity, so an empty list is refused.
  const addresses = (key: 'supportAddresses'): string[] => {
    const list = context(key)
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== '');
    if (list.length === 0) throw new Error(`context ${key} must name at least one address or domain`);
    return list;
  };

  // The send function's IAM condition is built from the parsed address, so a From it cannot parse fails here.
  const sender = (key: 'supportEmailFrom'): { from: string; address: string } => {
    const from = context(key).trim();
    const address = bareAddressOf(from);
    if (!address) throw new Error(`context ${key} must be "Name <address>" or a bare address, got "${from}"`);
    return { from, address };
  };
  const supportFrom = sender('supportEmailFrom');

  // The version becomes part of a URL, so only Meta's own form (`v21.0`) is accepted; no path, no whitespace.
  const graphVersion = (key: 'graphApiVersion'): string => {
    const version = context(key);
    if (!/^v\d+\.\d+$/.test(version)) throw new Error(`context ${key} must be a Graph API version like "v21.0", got "${version}"`);
    return version;
  };

  // Cognito takes https URLs, and plain http only for localhost; a typo would otherwise surface at deploy.
  const optionalUrl = (key: 'callbackUrl' | 'logoutUrl'): string | undefined => {
    const value = context(key).trim();
    if (value === '') return undefined;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const allowed = url && (url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost')) && url.hash === '';
    if (!allowed) throw new Error(`context ${key} must be an https URL (or http://localhost) without a fragment, got "${value}"`);
    return value;
  };

  const flag = (key: 'allowLocalhostCallback'): boolean => {
    const value = context(key).trim().toLowerCase();
    if (value !== 'true' && value !== 'false') throw new Error(`context ${key} must be "true" or "false", got "${context(key)}"`);
    return value === 'true';
  };

  // SNS takes one bare address per email subscription; a name, a list or a typo would fail only at deploy.
  const optionalAddress = (key: 'alarmEmail'): string | undefined => {
    const value = context(key).trim();
    if (value === '') return undefined;
    if (!bareAddress.test(value)) throw new Error(`context ${key} must be one bare email address, got "${value}"`);
    return value;
  };

  const domainPrefix = (key: 'cognitoDomainPrefix'): string => {
    const prefix = context(key);
    const problem = cognitoDomainPrefixProblem(prefix);
    if (problem) throw new Error(`context ${key} ${problem}, got "${prefix}"`);
    return prefix;
  };

  return {
    callbackUrl: optionalUrl('callbackUrl'),
    logoutUrl: optionalUrl('logoutUrl'),
    allowLocalhostCallback: flag('allowLocalhostCallback'),
    cognitoDomainPrefix: domainPrefix('cognitoDomainPrefix'),
    logLevel: context('logLevel'),
    metaVerifyToken: context('metaVerifyToken'),
    supportAddresses: addresses('supportAddresses'),
    rawMailRetention: days('rawMailRetentionDays'),
    mailRetention: days('mailRetentionDays'),
    supportEmailFrom: supportFrom.from,
    supportEmailAddress: supportFrom.address,
    graphApiBaseUrl: `https://graph.facebook.com/${graphVersion('graphApiVersion')}`,
    alarmEmail: optionalAddress('alarmEmail'),
  };
}
