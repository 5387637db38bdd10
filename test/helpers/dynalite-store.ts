import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/config/clients.js';
import { DynamoThreadStore, ensureTable } from '../../shared/store/index.js';
import { startDynalite } from '../../local/emulators.js';

/** A dynalite child process (in memory) with the Balie table, and the store on it. */
export async function startDynaliteStore(tableName: string) {
  const dynalite = await startDynalite();
  const client = new DynamoDBClient({ endpoint: dynalite.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  await ensureTable(client, tableName);
  const documents = createDocumentClient(client);
  return {
    client,
    documents,
    store: new DynamoThreadStore(documents, tableName),
    async stop() {
      client.destroy();
      await dynalite.stop();
    },
  };
}
