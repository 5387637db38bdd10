import type { AgentDirectory, AgentProfile } from '../../shared/domain/index.js';

/** An in-memory AgentDirectory for in-process tests; test/integration/agent-directory.test.ts holds it to the DynamoDB one's contract. */
export class MemoryAgentDirectory implements AgentDirectory {
  readonly profiles = new Map<string, AgentProfile>();
  /** How many times rememberAgent was called. */
  writes = 0;

  async rememberAgent(profile: AgentProfile): Promise<void> {
    this.writes += 1;
    const stored = this.profiles.get(profile.sub);
    if (!stored || stored.lastSeenAt < profile.lastSeenAt) this.profiles.set(profile.sub, { ...profile });
  }

  async findAgent(sub: string): Promise<AgentProfile | undefined> {
    const stored = this.profiles.get(sub);
    return stored && { ...stored };
  }
}
