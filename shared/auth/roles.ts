import { ForbiddenError } from '../domain/errors.js';
import * as z from 'zod';

export const roleSchema = z.enum(['agent', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;

export interface Agent {
  sub: string;
  name: string;
  role: Role;
}

/** Cognito puts group membership in `cognito:groups`; local tokens use the same claim. */
export function agentFromClaims(claims: Record<string, unknown>): Agent | undefined {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const role: Role | undefined = groups.includes('supervisor') ? 'supervisor' : groups.includes('agent') ? 'agent' : undefined;
  if (!role || typeof claims.sub !== 'string') return undefined;
  const name = [claims.name, claims['cognito:username'], claims.email, claims.sub].find((v) => typeof v === 'string') as string;
  return { sub: claims.sub, name, role };
}

/** Agents see the threads nobody has taken and their own; supervisors see every thread. */
export function canSeeThread(agent: Agent, thread: { assignee?: string }): boolean {
  return agent.role === 'supervisor' || !thread.assignee || thread.assignee === agent.sub;
}

/** Every action on a thread goes through this: an agent cannot touch a colleague's thread. */
export function assertCanWork(agent: Agent, thread: { id: string; assignee?: string }): void {
  if (!canSeeThread(agent, thread)) throw new ForbiddenError(`thread ${thread.id} is assigned to another agent; ask a supervisor to reassign it`);
}
