import { ConflictError, NotFoundError, type CannedReply, type CannedReplyStore } from '../../shared/domain/index.js';

/** An in-memory CannedReplyStore for in-process tests; test/integration/canned-replies-store.test.ts holds it to the DynamoDB one's contract. */
export class MemoryCannedReplyStore implements CannedReplyStore {
  private readonly items = new Map<string, string>();

  async listCannedReplies(): Promise<CannedReply[]> {
    return [...this.items.values()].map((v) => JSON.parse(v) as CannedReply);
  }

  async getCannedReply(id: string): Promise<CannedReply | undefined> {
    const stored = this.items.get(id);
    return stored === undefined ? undefined : (JSON.parse(stored) as CannedReply);
  }

  async putCannedReply(reply: CannedReply, expectedVersion: number): Promise<void> {
    // read and write without an await between them, as one conditional write does
    const stored = this.items.get(reply.id);
    const version = stored === undefined ? 0 : (JSON.parse(stored) as CannedReply).version;
    if (expectedVersion === 0 ? stored !== undefined : version !== expectedVersion)
      throw new ConflictError(
        expectedVersion === 0
          ? `a canned reply ${reply.id} exists already`
          : `canned reply ${reply.id} was changed by someone else since version ${expectedVersion}; read it again`,
      );
    this.items.set(reply.id, JSON.stringify(reply));
  }

  async deleteCannedReply(id: string): Promise<void> {
    if (!this.items.delete(id)) throw new NotFoundError(`no canned reply ${id}`);
  }
}
