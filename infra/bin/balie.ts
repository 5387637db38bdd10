import { existsSync, readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { BalieStack } from '../lib/balie-stack.js';
import { readSettingsFile } from '../lib/context.js';
import { checkAwsSolutions } from '../lib/nag.js';

// The operator's settings: balie.settings.json at the top of the repository (README, "Settings"), a file upstream
// never has, so pulling a new version never conflicts with it. `cdk deploy -c key=value` still wins over it.
const settingsFile = new URL('../../balie.settings.json', import.meta.url);
const app = new App({ context: existsSync(settingsFile) ? readSettingsFile(readFileSync(settingsFile, 'utf8'), 'balie.settings.json') : {} });

// With no account and region from the CLI's credentials the stack stays environment-agnostic,
// which is what lets `cdk synth` run offline.
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

new BalieStack(app, 'Balie', {
  env: account && region ? { account, region } : undefined,
  description: 'Balie: omnichannel inbox with AI-assisted triage',
});

// cdk-nag (AWS Solutions rules): an unsuppressed error fails `cdk synth`.
checkAwsSolutions(app);
