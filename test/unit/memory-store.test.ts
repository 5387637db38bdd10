import { describeThreadStoreContract } from '../contract/thread-store.contract.js';
import { MemoryThreadStore } from '../helpers/memory-store.js';

describeThreadStoreContract('in-memory store', async () => ({ store: new MemoryThreadStore(), stop: async () => {} }));
