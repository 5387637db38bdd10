export { DynamoThreadStore } from './dynamo-thread-store.js';
export { tableDefinition } from './table-definition.js';
export { ensureTable } from './ensure-table.js';
export { S3BlobStore } from './s3-blob-store.js';
export { DynamoAgentDirectory } from './dynamo-agent-directory.js';
export { DynamoSettingsStore } from './dynamo-settings.js';
export { DynamoCannedReplyStore } from './dynamo-canned-replies.js';
