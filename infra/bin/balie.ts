import { App } from 'aws-cdk-lib';
import { BalieStack } from '../lib/balie-stack.js';
import { checkAwsSolutions } from '../lib/nag.js';

const app = new App();

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
