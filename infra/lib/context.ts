import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Context keys (cdk.json or `cdk synth -c key=value`) with the defaults used when they are unset. */
export const contextDefaults = {
  callbackUrl: 'http://localhost:3000/auth/callback',
  logoutUrl: 'http://localhost:3000/',
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
};

export interface BalieSettings {
  readonly callbackUrl: string;
  readonly logoutUrl: string;
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

/** The deployment's settings from the CDK context of `scope`; a bad value fails the synth and names its key. */
export function balieSettings(scope: Construct): BalieSettings {
  // cdk.json may hold numbers; `-c key=value` always gives strings.
  const context = (key: keyof typeof contextDefaults): string =>
    String((scope.node.tryGetContext(key) as string | number | undefined) ?? contextDefaults[key]);

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

  return {
    callbackUrl: context('callbackUrl'),
    logoutUrl: context('logoutUrl'),
    logLevel: context('logLevel'),
    metaVerifyToken: context('metaVerifyToken'),
    supportAddresses: addresses('supportAddresses'),
    rawMailRetention: days('rawMailRetentionDays'),
    mailRetention: days('mailRetentionDays'),
    supportEmailFrom: supportFrom.from,
    supportEmailAddress: supportFrom.address,
    graphApiBaseUrl: `https://graph.facebook.com/${graphVersion('graphApiVersion')}`,
  };
}
