import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The document client over a DynamoDB client created once per cold start. Endpoints come from the SDK's own
 * variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS…), which is how tests point Lambda entries at the
 * emulators. SQS, S3 and SES clients are made in each handler: a module that imports an SDK client loads it in
 * every function that imports the module, even one that never calls it (esbuild keeps external imports).
 */
export function createDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true } });
}
