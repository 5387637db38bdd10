import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Assets {
  script: string;
  style: string;
  scriptBody: string;
  styleBody: string;
}

/**
 * The page's script and style, read once per cold start from `assets/` next to this module (in the Lambda bundle,
 * next to index.mjs: infra copies them there). Their paths carry a content hash, so browsers may cache them forever.
 */
export function loadAssets(dir: URL = new URL('./assets/', import.meta.url)): Assets {
  const scriptBody = readFileSync(new URL('app.js', dir), 'utf8');
  const styleBody = readFileSync(new URL('app.css', dir), 'utf8');
  const tag = (body: string) => createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { script: `/assets/app.${tag(scriptBody)}.js`, style: `/assets/app.${tag(styleBody)}.css`, scriptBody, styleBody };
}
