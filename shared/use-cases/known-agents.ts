import type { AgentDirectory } from '../domain/index.js';

/** Who a thread may be assigned to. */
export interface KnownAgents {
  isKnown(sub: string): Promise<boolean>;
}

/**
 * The configured people (locally the demo directory; in AWS none yet) and everyone the directory remembered
 * because they used the API or the page with a valid token.
 */
export function knownAgents(directory: AgentDirectory, configured: ReadonlyArray<{ sub: string }> = []): KnownAgents {
  return {
    isKnown: async (sub) => configured.some((a) => a.sub === sub) || (await directory.findAgent(sub)) !== undefined,
  };
}
