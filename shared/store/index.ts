export { DynamoThreadStore } from './dynamo-thread-store.js';
export { tableDefinition } from './table-definition.js';
export { ensureTable } from './ensure-table.js';
