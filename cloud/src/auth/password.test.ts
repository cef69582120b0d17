import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

const cheap = { N: 1024, r: 8, p: 1 } as const;

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('vitrine-demo', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(verifyPassword('vitrine-demo', hash)).resolves.toBe(true);
    await expect(verifyPassword('vitrine-demo ', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$0$8$1$abc$def', 'bcrypt$1$2$3$4$5']) {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    }
  });
});
