import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

/** The Lambda functions of Balie; each has its entry at `functions/<name>/handler.ts`. */
export type FunctionName = 'ingest-webhook' | 'ingest-email' | 'triage' | 'inbox-api' | 'send' | 'train';

export interface BalieFunctionProps {
  readonly name: FunctionName;
  readonly description: string;
  readonly environment: Record<string, string>;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** In MB; Lambda's CPU share grows with it. @default 512 */
  readonly memorySize?: number;
  /**
   * Files the code reads at run time, copied next to the bundle: repository paths → paths in the asset.
   * Packages copied under node_modules/ are left out of the bundle (they load their own files by path).
   */
  readonly runtimeFiles?: Record<string, string>;
  /** Concurrent executions kept for this function alone, and its ceiling. @default none: the account's pool */
  readonly reservedConcurrentExecutions?: number;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function entryOf(name: FunctionName): string {
  return fileURLToPath(new URL(`../../functions/${name}/handler.ts`, import.meta.url));
}

/**
 * esbuild's ESM output has no `require`; a bundled CommonJS dependency that calls it (the AWS SDK does)
 * would throw "Dynamic require is not supported" without this shim.
 */
const requireShim = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * A NodejsFunction with the defaults every Balie function shares: Node 22 on ARM64 (nodejs20.x is deprecated in Lambda since 2026-04-30; the code also runs on the Node 20 of local machines), minified ESM with
 * source maps, X-Ray tracing and its own log group kept for a month. Bundled by the local esbuild, so
 * `cdk synth` needs neither Docker nor a network.
 */
export class BalieFunction extends NodejsFunction {
  /** What esbuild is given for this function, so `npm run bench` (bench/bundles.ts) measures the bundle that deploys. */
  readonly balieBundle: {
    readonly name: FunctionName;
    readonly entry: string;
    readonly runtimeFiles: Record<string, string>;
    readonly options: BundlingOptions;
  };

  constructor(scope: Construct, id: string, props: BalieFunctionProps) {
    super(scope, id, {
      entry: entryOf(props.name),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      tracing: Tracing.ACTIVE,
      logGroup: new LogGroup(scope, `${id}LogGroup`, { retention: RetentionDays.ONE_MONTH }),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.name,
        ...props.environment,
      },
      bundling: balieBundlingOptions(props.runtimeFiles),
    });
    this.balieBundle = {
      name: props.name,
      entry: entryOf(props.name),
      runtimeFiles: props.runtimeFiles ?? {},
      options: balieBundlingOptions(props.runtimeFiles),
    };

    // cdk-nag findings every Balie function shares. Applied to the children too: the execution role and its
    // default policy (which exists from here on, as tracing put the X-Ray statement in it).
    NagSuppressions.addResourceSuppressions(
      this,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason:
            'AWSLambdaBasicExecutionRole only lets the function create log streams and put events in CloudWatch Logs; it is the policy Lambda documents for exactly that, and holds no data access.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so IAM requires Resource "*" for them.',
          appliesTo: ['Resource::*'],
        },
        {
          id: 'AwsSolutions-L1',
          reason:
            'nodejs22.x is deliberately pinned: a supported Lambda runtime (Node 22 LTS) that the bundle targets (esbuild node22) and the tests run against; moving to a newer runtime is its own tested change, not a side effect of a CDK upgrade.',
        },
      ],
      true,
    );
  }
}

/**
 * The esbuild options every Balie function is bundled with: minified ESM for node22 with linked source maps (no
 * sources inside), and the runtime files copied in after bundling. The AWS SDK is bundled, not left to the
 * runtime's copy: import CPU measured 19–32% lower (init p50 4–27% shorter) in `npm run bench` (README, "Bundle size, cold start and
 * cost"), and the version that runs is the one in package-lock.json that the tests ran against.
 */
export function balieBundlingOptions(runtimeFiles?: Record<string, string>): BundlingOptions {
  return {
    externalModules: [
      ...Object.values(runtimeFiles ?? {})
        .filter((to) => to.startsWith('node_modules/'))
        .map((to) => to.slice('node_modules/'.length)),
    ],
    ...(runtimeFiles ? { commandHooks: copyHooks(runtimeFiles) } : {}),
    format: OutputFormat.ESM,
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: requireShim,
    minify: true,
    sourceMap: true,
    sourcesContent: false,
  };
}

/** esbuild cannot see files loaded by path (the fastText model, knowledge articles); copy them into the asset. */
function copyHooks(files: Record<string, string>) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string): string[] =>
      Object.entries(files).map(([from, to]) => `mkdir -p "${outputDir}/${to}" && cp -R "${inputDir}/${from}/." "${outputDir}/${to}/"`),
  };
}
