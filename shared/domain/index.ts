export * from './channel.js';
export * from './errors.js';
export * from './inbound.js';
export * from './ports.js';
export * from './priority.js';
export * from './thread-status.js';
export * from './thread.js';
export * from './triage.js';
