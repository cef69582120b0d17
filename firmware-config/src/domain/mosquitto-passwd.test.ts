import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hashMosquittoPassword,
  renderPasswordFile,
  verifyMosquittoPassword,
} from './mosquitto-passwd.ts';

const salt = Uint8Array.from({ length: 12 }, (_, i) => i);

describe('Mosquitto password hashes', () => {
  it('writes the $7$ form: iterations, base64 salt, 64-byte base64 PBKDF2-SHA512 hash', () => {
    const encoded = hashMosquittoPassword('correct horse', { salt, iterations: 101 });
    const [empty, type, rounds, salt64, hash64] = encoded.split('$');
    expect([empty, type, rounds]).toEqual(['', '7', '101']);
    expect(Buffer.from(salt64 ?? '', 'base64')).toEqual(Buffer.from(salt));
    expect(Buffer.from(hash64 ?? '', 'base64')).toHaveLength(64);
  });

  it('checks a password against a hash the way the broker does', () => {
    const encoded = hashMosquittoPassword('correct horse', { salt });
    expect(verifyMosquittoPassword(encoded, 'correct horse')).toBe(true);
    expect(verifyMosquittoPassword(encoded, 'correct horsE')).toBe(false);
  });

  it('agrees with the hashes mosquitto_passwd itself writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-passwd-'));
    try {
      const file = join(dir, 'passwd');
      execFileSync('mosquitto_passwd', ['-c', '-b', file, 'alice', 'a password, with: colons']);
      const [user, encoded = ''] = readFileSync(file, 'utf8').trim().split(/:(.*)/s);
      expect(user).toBe('alice');
      expect(verifyMosquittoPassword(encoded, 'a password, with: colons')).toBe(true);
      const [, , rounds, salt64] = encoded.split('$');
      const again = hashMosquittoPassword('a password, with: colons', {
        salt: Buffer.from(salt64 ?? '', 'base64'),
        iterations: Number(rounds),
      });
      expect(again).toBe(encoded);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every account its own salt', () => {
    let counter = 0;
    const file = renderPasswordFile(
      [
        { username: 'a', password: 'same-password' },
        { username: 'b', password: 'same-password' },
      ],
      { randomBytes: (size) => Uint8Array.from({ length: size }, () => counter++) },
    );
    const [a, b] = file
      .trim()
      .split('\n')
      .map((line) => line.split(':')[1]);
    expect(a).not.toBe(b);
    expect(file).toMatch(/^a:\$7\$1000\$/);
  });
});
