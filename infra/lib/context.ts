import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Every setting of a deployment: a context key (balie.settings.json, read by infra/bin/balie.ts, or `cdk deploy -c
 * key=value`) with its default and what it does. README's settings table lists the same keys
 * (test/infra/settings.test.ts checks). Keep real values in balie.settings.json rather than on the command line: a
 * later `cdk deploy` without the flags would otherwise deploy the defaults again.
 */
export const settingDefaults = {
  /** 'true' deploys the demo placeholders of the required settings below on purpose (`npm run synth`, CI, tests). */
  demo: 'false',
  /**
   * Required. The prefix of the hosted UI's domain, `https://<prefix>.auth.<region>.amazoncognito.com`. It must be
   * unique in the region across all AWS accounts.
   */
  cognitoDomainPrefix: '',
  /** Required. Comma-separated addresses (or domains) the SES receipt rule accepts mail for. */
  supportAddresses: '',
  /** Required. The From of every email reply: `Name <address>` or a bare address; its domain must be verified in SES. */
  supportEmailFrom: '',
  /**
   * Where Cognito's hosted UI sends the browser back with the authorisation code, ending in `/auth/callback`. Empty:
   * the HTTP API's own `<ApiUrl>auth/callback`, which is right unless the UI is served on a custom domain. The page's
   * public URL (PUBLIC_URL of inbox-api, the InboxLoginUrl output) is this URL without `/auth/callback`.
   */
  callbackUrl: '',
  /** Where Cognito's hosted UI sends the browser after sign-out. Empty: the page's own `/login`. */
  logoutUrl: '',
  /** 'true' also lets the hosted UI return to the local stack (http://localhost:3000/auth/callback and /login). */
  allowLocalhostCallback: 'false',
  /** Powertools log level of every function: DEBUG, INFO, WARN or ERROR. */
  logLevel: 'INFO',
  /** Days the unparsed MIME of each mail is kept (raw/). */
  rawMailRetentionDays: '90',
  /** Days email bodies, attachments and chat media are kept (mail/, media/); threads stay, the page then says so. */
  mailRetentionDays: '365',
  /** The Meta Graph API version the send function calls (WhatsApp Cloud API, Messenger, Instagram), e.g. `v21.0`. */
  graphApiVersion: 'v21.0',
  /** One address that gets every alarm by email (SNS asks it to confirm first). Empty: no subscription (synth warns). */
  alarmEmail: '',
  /**
   * How triage classifies and drafts: `local` (never calls an LLM), `llm` (the LLM for every message) or `hybrid`
   * (the LLM only when the local engine is unsure). `llm` and `hybrid` need an API key in the LlmApiKeySecret.
   */
  triageMode: 'local',
  /**
   * Which LLM `llm` and `hybrid` ask: `openai` (or any OpenAI-compatible endpoint; a key in the LlmApiKeySecret) or
   * `bedrock` (Amazon Bedrock in the stack's region, signed by the function's role: no key).
   */
  llmProvider: 'openai',
  /** The model: an OpenAI chat model, or a Bedrock model or inference profile id (Bedrock default: eu.amazon.nova-micro-v1:0). */
  llmModel: 'gpt-4o-mini',
  /** An OpenAI-compatible endpoint instead of api.openai.com (e.g. a gateway in your own account). Empty: OpenAI. */
  llmBaseUrl: '',
  /** Seconds one LLM call may take before it is abandoned; triage's timeout and the queue's are derived from it. */
  llmTimeoutSeconds: '8',
  /** The most triage functions running at once (2–1000); a flood of mail or spam waits in the queue, not in Lambda. */
  triageMaxConcurrency: '5',
  /** 'false' skips the check that the stack's region can receive mail with SES (for a region added after this list). */
  sesRegionCheck: 'true',
  /**
   * When the triage model is retrained from the newest history, the agents' corrections and the categories' examples
   * (promoted only if it beats the model in use): an EventBridge `cron(…)` or `rate(…)` expression in UTC, or `off`.
   */
  retrainSchedule: 'cron(0 3 ? * MON *)',
};
export type SettingKey = keyof typeof settingDefaults;

/** Amazon Nova Micro through the EU cross-region inference profile: text only, the cheapest model with tool choice. */
export const DEFAULT_BEDROCK_MODEL = 'eu.amazon.nova-micro-v1:0';

/**
 * The settings in balie.settings.json: one JSON object of settings (strings, numbers or booleans). An unknown key
 * (a typo would otherwise be ignored and deploy the default) or a value of another kind fails the synth by name.
 */
export function readSettingsFile(text: string, name: string): Record<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name} is not JSON: ${(err as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${name} must be one JSON object of settings`);
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!(key in settingDefaults)) throw new Error(`${name}: "${key}" is not a setting; the settings are ${Object.keys(settingDefaults).join(', ')}`);
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw new Error(`${name}: "${key}" must be a string, number or true/false`);
    settings[key] = String(value);
  }
  return settings;
}

/** What `-c demo=true` puts in place of the required settings; a deploy without the flag refuses to use them. */
export const demoSettings = {
  cognitoDomainPrefix: 'balie-inbox-demo',
  supportAddresses: 'support@example.com',
  supportEmailFrom: 'Balie <support@example.com>',
} satisfies Partial<Record<SettingKey, string>>;

/** Keys that used to be settings, and why they no longer are. */
const retiredSettings: Record<string, string> = {
  metaVerifyToken:
    'it fed the generated Meta secret, so changing it replaced the App Secret stored there; set verifyToken in the MetaWebhookSecret instead (README, "Deploy to AWS")',
};

export type TriageMode = 'local' | 'llm' | 'hybrid';

export interface BalieSettings {
  /** Whether the demo placeholders are in use. */
  readonly demo: boolean;
  /** The callback URL the operator set; undefined means the HTTP API's own `/auth/callback`. */
  readonly callbackUrl?: string;
  /** The page's public URL (no trailing slash) when a callbackUrl is set: callbackUrl without `/auth/callback`. */
  readonly publicUrl?: string;
  /** The sign-out URL the operator set; undefined means the page's own `/login`. */
  readonly logoutUrl?: string;
  /** Whether the hosted UI may also return to the local stack on http://localhost:3000. */
  readonly allowLocalhostCallback: boolean;
  /** The prefix of the Cognito hosted UI domain. */
  readonly cognitoDomainPrefix: string;
  readonly logLevel: string;
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
  readonly triage: {
    readonly mode: TriageMode;
    readonly llmProvider: 'openai' | 'bedrock';
    readonly llmModel: string;
    readonly llmBaseUrl?: string;
    readonly llmTimeout: Duration;
    readonly maxConcurrency: number;
  };
  /** Whether to refuse a region where SES cannot receive mail. */
  readonly sesRegionCheck: boolean;
  /** The retrain's EventBridge schedule expression; undefined: no scheduled retrain (supervisors retrain on the page). */
  readonly retrainSchedule?: string;
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
  for (const [key, why] of Object.entries(retiredSettings)) {
    if (scope.node.tryGetContext(key) !== undefined) throw new Error(`context ${key} is no longer a setting: ${why}`);
  }
  // context may hold numbers and booleans; `-c key=value` always gives strings.
  const given = (key: SettingKey): string | undefined => {
    const value = scope.node.tryGetContext(key) as string | number | boolean | undefined;
    return value === undefined ? undefined : String(value);
  };
  const parseFlag = (key: SettingKey, raw: string): boolean => {
    const value = raw.trim().toLowerCase();
    if (value !== 'true' && value !== 'false') throw new Error(`context ${key} must be "true" or "false", got "${raw}"`);
    return value === 'true';
  };
  const demo = parseFlag('demo', given('demo') ?? settingDefaults.demo);
  const context = (key: SettingKey): string => given(key) ?? (demo ? (demoSettings as Record<string, string>)[key] : undefined) ?? settingDefaults[key];
  const flag = (key: 'allowLocalhostCallback' | 'sesRegionCheck'): boolean => parseFlag(key, context(key));

  // A deploy that still carries the demo placeholders would take mail for example.com and claim a shared domain
  // prefix: refused unless the operator says it is a demo.
  if (!demo) {
    const unset = (Object.keys(demoSettings) as (keyof typeof demoSettings)[]).filter((key) => !given(key)?.trim() || given(key) === demoSettings[key]);
    if (unset.length > 0) {
      throw new Error(
        `set ${unset.join(', ')} in balie.settings.json for this deployment, or pass -c demo=true to deploy the demo placeholders on purpose (README, "Deploy to AWS")`,
      );
    }
  }

  const whole = (
    key: 'rawMailRetentionDays' | 'mailRetentionDays' | 'llmTimeoutSeconds' | 'triageMaxConcurrency',
    min: number,
    max: number,
    unit: string,
  ): number => {
    const value = Number(context(key));
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`context ${key} must be a whole number of ${unit} from ${min} to ${max}, got "${context(key)}"`);
    return value;
  };
  const days = (key: 'rawMailRetentionDays' | 'mailRetentionDays'): Duration => Duration.days(whole(key, 1, 36500, 'days'));

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
  const optionalUrl = (key: 'callbackUrl' | 'logoutUrl' | 'llmBaseUrl'): string | undefined => {
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

  const callbackUrl = optionalUrl('callbackUrl');
  // the function builds its redirect and sign-out URLs from its public URL, so the callback must be its own route
  if (callbackUrl && !new URL(callbackUrl).pathname.endsWith('/auth/callback')) {
    throw new Error(`context callbackUrl must end in /auth/callback (the page's own callback route), got "${callbackUrl}"`);
  }
  const mode = context('triageMode');
  if (mode !== 'local' && mode !== 'llm' && mode !== 'hybrid') throw new Error(`context triageMode must be "local", "llm" or "hybrid", got "${mode}"`);
  const provider = context('llmProvider').trim();
  if (provider !== 'openai' && provider !== 'bedrock') throw new Error(`context llmProvider must be "openai" or "bedrock", got "${provider}"`);
  const setModel = context('llmModel').trim();
  // the default names an OpenAI model; with Bedrock and no model of its own, a small one that supports tool choice
  const model = provider === 'bedrock' && setModel === settingDefaults.llmModel ? DEFAULT_BEDROCK_MODEL : setModel;
  if (!/^[\w.:/-]{1,100}$/.test(model)) throw new Error(`context llmModel must be a model name like "gpt-4o-mini", got "${model}"`);
  if (provider === 'bedrock' && (model.startsWith('arn:') || !/^[\w.:-]+$/.test(model)))
    throw new Error(`context llmModel must be a Bedrock model or inference profile id like "${DEFAULT_BEDROCK_MODEL}" (not an ARN), got "${model}"`);
  if (provider === 'bedrock' && context('llmBaseUrl').trim())
    throw new Error("context llmBaseUrl is for an OpenAI-compatible endpoint; Bedrock is reached in the stack's region");
  const schedule = context('retrainSchedule').trim();
  // the fields EventBridge takes: cron with six fields, or rate with a whole number and a unit
  if (schedule !== 'off' && !/^cron\(\S+( \S+){5}\)$/.test(schedule) && !/^rate\(\d+ (minute|minutes|hour|hours|day|days)\)$/.test(schedule))
    throw new Error(`context retrainSchedule must be "off", "cron(min hour day month weekday year)" or "rate(7 days)", got "${schedule}"`);
  const logLevel = context('logLevel').trim().toUpperCase();
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(logLevel))
    throw new Error(`context logLevel must be DEBUG, INFO, WARN or ERROR, got "${context('logLevel')}"`);

  return {
    demo,
    callbackUrl,
    publicUrl: callbackUrl?.replace(/\/auth\/callback$/, ''),
    logoutUrl: optionalUrl('logoutUrl'),
    allowLocalhostCallback: flag('allowLocalhostCallback'),
    cognitoDomainPrefix: domainPrefix('cognitoDomainPrefix'),
    logLevel,
    supportAddresses: addresses('supportAddresses'),
    rawMailRetention: days('rawMailRetentionDays'),
    mailRetention: days('mailRetentionDays'),
    supportEmailFrom: supportFrom.from,
    supportEmailAddress: supportFrom.address,
    graphApiBaseUrl: `https://graph.facebook.com/${graphVersion('graphApiVersion')}`,
    alarmEmail: optionalAddress('alarmEmail'),
    triage: {
      mode,
      llmProvider: provider,
      llmModel: model,
      llmBaseUrl: optionalUrl('llmBaseUrl'),
      llmTimeout: Duration.seconds(whole('llmTimeoutSeconds', 1, 60, 'seconds')),
      maxConcurrency: whole('triageMaxConcurrency', 2, 1000, 'functions'),
    },
    sesRegionCheck: flag('sesRegionCheck'),
    ...(schedule === 'off' ? {} : { retrainSchedule: schedule }),
  };
}
