import type { Reports, TriageUsage } from '../domain/index.js';

export type ModeReport = Omit<TriageUsage, 'day' | 'engine'> & {
  /** From the recorded token counts: what 1,000 messages cost in this mode. */
  costPer1000MessagesUsd: number;
};

/** Triage usage of the last `days` days, per mode (local, llm, hybrid) and per day and engine. */
export async function triageReport(store: Reports, days: number, now = new Date()): Promise<{ since: string; modes: ModeReport[]; days: TriageUsage[] }> {
  const since = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const usage = await store.listTriageUsage(since);
  const byMode = new Map<string, ModeReport>();
  for (const u of usage) {
    const m = byMode.get(u.mode) ?? {
      mode: u.mode,
      messages: 0,
      llmCalls: 0,
      fallbacks: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      costPer1000MessagesUsd: 0,
    };
    m.messages += u.messages;
    m.llmCalls += u.llmCalls;
    m.fallbacks += u.fallbacks;
    m.inputTokens += u.inputTokens;
    m.outputTokens += u.outputTokens;
    m.costUsd += u.costUsd;
    byMode.set(u.mode, m);
  }
  const modes = [...byMode.values()].map((m) => ({
    ...m,
    costUsd: round(m.costUsd),
    costPer1000MessagesUsd: round(m.messages ? (m.costUsd / m.messages) * 1000 : 0),
  }));
  return { since, modes, days: usage };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
