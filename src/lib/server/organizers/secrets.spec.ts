import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newApiToken, parseApiToken, secretMatches, verifyPassword } from './secrets';

describe('password hashing', () => {
	it('verifies the right password against its scrypt hash', async () => {
		const hash = hashPassword('correct horse battery staple');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(hash).not.toContain('correct horse');
		expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
	});

	it('refuses a wrong password and a tampered hash', async () => {
		const hash = hashPassword('secret-one');
		expect(await verifyPassword('secret-two', hash)).toBe(false);
		expect(await verifyPassword('secret-one', 'plain$secret-one')).toBe(false);
	});

	it('salts: the same password gives two different hashes', () => {
		expect(hashPassword('same')).not.toBe(hashPassword('same'));
	});
});

describe('API tokens', () => {
	it('a token names its organizer and matches only its own hash', () => {
		const { token, hash } = newApiToken('3f0c6c1e-1111-4222-8333-944455556666');
		const parsed = parseApiToken(token);
		expect(parsed?.organizerId).toBe('3f0c6c1e-1111-4222-8333-944455556666');
		expect(secretMatches(parsed!.secret, hash)).toBe(true);
		expect(secretMatches(parsed!.secret.slice(0, -1) + 'A', hash)).toBe(parsed!.secret.endsWith('A'));
		expect(hash).not.toContain(parsed!.secret);
	});

	it('rejects malformed tokens before any look-up', () => {
		expect(parseApiToken('')).toBeUndefined();
		expect(parseApiToken('Bearer abc')).toBeUndefined();
		expect(parseApiToken("imrf_x'; DROP TABLE organizers;--_aaaaaaaaaaaaaaaaaaaaaaaa")).toBeUndefined();
	});

	it('a secret compared with a hash of another length does not throw', () => {
		expect(secretMatches('abc', hashSecret('abc').slice(0, 10))).toBe(false);
	});
});
