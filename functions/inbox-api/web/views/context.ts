import type { Agent } from '../../../../shared/auth/roles.js';
import type { Dictionary, UiLanguage } from '../i18n.js';

export interface DirectoryEntry {
  sub: string;
  name: string;
}

/** What every view needs: who is looking, in which language, at what time. */
export interface PageContext {
  agent: Agent;
  t: Dictionary;
  lang: UiLanguage;
  now: Date;
  /** The worklist filters as `?…`, carried on thread links. */
  listQuery: string;
  /** Known agents, for names and the supervisor's assign list. */
  directory: DirectoryEntry[];
  nameOf(sub: string): string;
  /** Hashed asset paths. */
  assets: { script: string; style: string };
  /** The categories agents choose from: the published model's, or the defaults. */
  categories: readonly string[];
}
