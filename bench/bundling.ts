// Helpers of bench/bundles.ts (and its test): the five functions as the CDK stack defines them, bundled with the
// esbuild options NodejsFunction gets (infra/lib/function.ts), and cold-start imports timed in fresh processes.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, statSync, readdirSync, lstatSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack, Token } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type BuildOptions } from 'esbuild';
import { BalieStack } from '../infra/lib/balie-stack.js';
import { BalieFunction, type FunctionName } from '../infra/lib/function.js';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface FunctionSpec {
  name: FunctionName;
  entry: string;
  options: BundlingOptions;
  runtimeFiles: Record<string, string>;
  memorySize: number;
  timeoutSeconds: number;
  /** The function's environment in the template; values CloudFormation fills in at deploy time are `undefined`. */
  environment: Record<string, string | undefined>;
}

/** The Balie functions as BalieStack defines them (constructed in memory from cdk.json's context, esbuild skipped). */
export function balieFunctions(): FunctionSpec[] {
  const { context } = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...context, demo: 'true', 'aws:cdk:bundling-stacks': [] } });
  const stack = new BalieStack(app, 'Bench');
  return app.node
    .findAll()
    .filter((c): c is BalieFunction => c instanceof BalieFunction)
    .map((fn) => {
      const cfn = fn.node.defaultChild as CfnFunction;
      const variables = (Stack.of(fn).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
      const environment = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' && !Token.isUnresolved(v) ? v : undefined]));
      void stack;
      return {
        ...fn.balieBundle,
        memorySize: stack.resolve(cfn.memorySize) as number,
        timeoutSeconds: stack.resolve(cfn.timeout) as number,
        environment,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Options this translation knows; any other one in infra/lib/function.ts fails the bench instead of being ignored. */
const TRANSLATED = new Set(['externalModules', 'commandHooks', 'format', 'target', 'mainFields', 'banner', 'minify', 'sourceMap', 'sourcesContent']);

/** NodejsFunction's esbuild command line (aws-lambda-nodejs Bundling.buildEsbuildArgs) as esbuild API options. */
export function esbuildOptionsOf(spec: Pick<FunctionSpec, 'entry' | 'options'>, outDir: string): BuildOptions {
  const o = spec.options;
  const unknown = Object.keys(o).filter((k) => !TRANSLATED.has(k));
  if (unknown.length) throw new Error(`bench/bundling.ts does not translate the bundling option(s) ${unknown.join(', ')}: add them to esbuildOptionsOf`);
  return {
    entryPoints: [spec.entry],
    bundle: true,
    platform: 'node',
    target: o.target,
    format: o.format as BuildOptions['format'],
    outfile: join(outDir, o.format === 'esm' ? 'index.mjs' : 'index.js'),
    minify: o.minify ?? false,
    sourcemap: o.sourceMap ?? false, // `--sourcemap`: linked, with a sourceMappingURL comment
    sourcesContent: o.sourcesContent ?? true,
    external: o.externalModules ?? ['@aws-sdk/*'],
    banner: o.banner ? { js: o.banner } : undefined,
    mainFields: o.mainFields,
    absWorkingDir: projectRoot,
    logLevel: 'warning',
  };
}

export interface BundleResult {
  dir: string;
  file: string;
  jsBytes: number;
  mapBytes: number;
  /** Bytes of the files copied next to the bundle (runtimeFiles). */
  runtimeBytes: number;
}

/** Bundles one function into `outDir` as `cdk synth` does: esbuild, then the afterBundling copy commands. */
export async function bundleFunction(spec: FunctionSpec, outDir: string): Promise<BundleResult> {
  await mkdir(outDir, { recursive: true });
  const options = esbuildOptionsOf(spec, outDir);
  await build(options);
  for (const command of spec.options.commandHooks?.afterBundling(projectRoot, outDir) ?? []) execFileSync('bash', ['-c', command], { cwd: projectRoot });
  const file = options.outfile!;
  const runtimeBytes = Object.values(spec.runtimeFiles).reduce((sum, to) => sum + treeBytes(join(outDir, to)), 0);
  return { dir: outDir, file, jsBytes: statSync(file).size, mapBytes: statSync(`${file}.map`).size, runtimeBytes };
}

/** Lambda's Node.js runtime provides the AWS SDK v3; here the project's copy stands in for it. */
export async function provideRuntimeSdk(bundleDir: string): Promise<void> {
  await mkdir(join(bundleDir, 'node_modules'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules', '@aws-sdk'), join(bundleDir, 'node_modules', '@aws-sdk'), 'dir');
}

/** Every file under `dir` (relative paths), symlinks not followed. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function treeBytes(path: string): number {
  const s = lstatSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, name) => sum + treeBytes(join(path, name)), 0);
}

/**
 * The script each timed process runs: blocks the network (and records what tried it), imports the file, prints
 * performance.now() (ms since the process started) and the CPU time used so far once the import has resolved, and
 * exits without waiting for timers or sockets.
 */
const LOADER = `import net from 'node:net';
const attempts = [];
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const o = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  attempts.push(o.path ?? \`\${o.host ?? 'localhost'}:\${o.port}\`);
  process.nextTick(() => this.destroy(Object.assign(new Error('network blocked by bench/bundles.ts'), { code: 'ECONNREFUSED' })));
  return this;
};
let error;
try {
  const mod = await import(process.argv[2]);
  if (process.argv[3] === 'handler' && typeof mod.handler !== 'function') error = 'no exported handler function';
} catch (e) {
  error = String(e && e.message ? e.message : e).split('\\n')[0];
}
const ms = performance.now();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, attempts, error }) + '\\n', () => process.exit(0));
`;

export async function writeLoader(dir: string): Promise<{ loader: string; empty: string }> {
  await mkdir(dir, { recursive: true });
  const loader = join(dir, 'loader.mjs');
  const empty = join(dir, 'empty.mjs');
  await writeFile(loader, LOADER);
  await writeFile(empty, '');
  return { loader, empty };
}

export interface ImportRun {
  /** Wall-clock ms from process start until the import resolved. */
  ms: number;
  /** CPU ms (user + system) the process used by then: less sensitive than `ms` to other work on the machine. */
  cpuMs: number;
  attempts: string[];
  error?: string;
}

/** One fresh `node` process that imports `file` with exactly `env` (plus PATH), timed from its own start. */
export function timeImport(loader: string, file: string, env: Record<string, string>, expectHandler: boolean): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loader, file, expectHandler ? 'handler' : ''], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      const line = out.trim().split('\n').pop();
      if (!line) return reject(new Error(`import of ${file} printed nothing: ${err.slice(0, 500)}`));
      resolve(JSON.parse(line) as ImportRun);
    });
  });
}

/** What the Lambda runtime itself sets (the parts code may read at import), for a function of `memorySize` MB. */
export function lambdaRuntimeEnv(name: string, memorySize: number): Record<string, string> {
  return {
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: `Balie-${name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TZ: ':UTC',
  };
}

/** A stand-in for a value CloudFormation fills in at deploy time (table name, queue URL, secret ARN…), by its name. */
export function dummyValue(name: string): string {
  if (name.endsWith('_QUEUE_URL')) return `https://sqs.eu-west-1.amazonaws.com/123456789012/bench-${name.toLowerCase().replaceAll('_', '-')}`;
  if (name.endsWith('_ARN')) return `arn:aws:secretsmanager:eu-west-1:123456789012:secret:bench-${name.toLowerCase()}`;
  if (name.endsWith('_URL') || name.endsWith('_DOMAIN')) return 'https://bench.auth.eu-west-1.amazoncognito.com';
  if (name.endsWith('_ID')) return 'eu-west-1_bench';
  return `bench-${name.toLowerCase().replaceAll('_', '-')}`;
}

/** The template's environment with deploy-time values replaced by dummies, plus the runtime's own variables. */
export function importEnv(spec: FunctionSpec): Record<string, string> {
  const env = Object.fromEntries(Object.entries(spec.environment).map(([k, v]) => [k, v ?? dummyValue(k)]));
  return { ...lambdaRuntimeEnv(spec.name, spec.memorySize), ...env };
}

/**
 * What a function reads over the network at import in AWS, and the local stand-in the timed imports use instead
 * (bench/bundles.ts probes with the template's environment to show the calls; the timed runs must make none).
 */
export const NETWORK_AT_IMPORT: Record<string, { inAws: string; set?: Record<string, string>; unset: string[] }> = {
  // Secrets Manager is no longer read at import (ingest-webhook reads it on the first request, send and triage when a
  // chat reply or a media download first needs the channel tokens): those functions import with the template's env.
  triage: { inAws: 'S3 ListObjectsV2 + GetObject per knowledge article', unset: ['MEDIA_BUCKET'] },
};

/** importEnv without what makes the import go to the network (see NETWORK_AT_IMPORT). */
export function offlineEnv(spec: FunctionSpec): Record<string, string> {
  const env = importEnv(spec);
  const rule = NETWORK_AT_IMPORT[spec.name];
  if (!rule) return env;
  const out = { ...env, ...rule.set };
  for (const k of rule.unset) delete out[k];
  return out;
}
