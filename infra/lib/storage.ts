import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * The single table: threads, messages, drafts, dedupe markers and routes (the data model in DESIGN.md).
 * Keys and indexes must stay equal to shared/store/table-definition.ts, which the local stack creates;
 * test/infra asserts that they do.
 */
export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Dedupe markers expire; dynalite has no TTL, so only AWS enforces it.
      timeToLiveAttribute: 'ttl',
      // Conversations with customers outlive any one deployment of the stack: kept when the stack is destroyed, and
      // a DeleteTable (a mistaken replacement, a console click) is refused until the protection is switched off.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });

    // GSI1, the inbox worklist: QUEUE#open or QUEUE#closed / <priority>#<slaDueAt>#<threadId> (docs/DESIGN.md).
    this.table.addGlobalSecondaryIndex({
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    // GSI2, an agent's own threads: ASSIGNEE#<agent> / <status>#<lastInboundAt>.
    this.table.addGlobalSecondaryIndex({
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
}
