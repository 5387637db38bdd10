import { describe, expect, it } from 'vitest';
import { once } from '../../shared/config/once.js';

describe('once: what only some paths need, made when first needed', () => {
  it('makes it on the first call only, also when calls overlap', async () => {
    let made = 0;
    const client = once(async () => ({ id: ++made }));
    const [a, b] = await Promise.all([client(), client()]);
    expect(await client()).toBe(a);
    expect(b).toBe(a);
    expect(made).toBe(1);
  });

  it('does not keep a failure: the next call tries again (a secret that was briefly unreadable)', async () => {
    let calls = 0;
    const secret = once(async () => {
      calls += 1;
      if (calls === 1) throw new Error('AccessDenied');
      return 's3cret';
    });
    await expect(secret()).rejects.toThrow('AccessDenied');
    expect(await secret()).toBe('s3cret');
    expect(await secret()).toBe('s3cret');
    expect(calls).toBe(2);
  });
});
