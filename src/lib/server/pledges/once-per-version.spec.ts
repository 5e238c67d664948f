import { describe, expect, it, vi } from 'vitest';
import { oncePerVersion } from './once-per-version';

describe('a value worked out once per ledger version', () => {
	it('is worked out once for a version and key, however many ask at once', async () => {
		const compute = vi.fn(async (lang: string) => `${lang}-${compute.mock.calls.length}`);
		const valueAt = oncePerVersion(compute);
		const answers = await Promise.all([valueAt(1, 'en'), valueAt(1, 'en'), valueAt(1, 'fr'), valueAt(1, 'en')]);
		expect(answers).toEqual(['en-1', 'en-1', 'fr-2', 'en-1']);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('is worked out again for another version', async () => {
		let calls = 0;
		const valueAt = oncePerVersion(async () => ++calls);
		expect(await valueAt(1, 'en')).toBe(1);
		expect(await valueAt(2, 'en')).toBe(2);
		expect(await valueAt(2, 'en')).toBe(2);
		expect(await valueAt(1, 'en')).toBe(3);
	});

	it('keeps the newest version when an older one is asked for after it: that one is worked out for its caller alone', async () => {
		let calls = 0;
		const valueAt = oncePerVersion(async (_key: string, version: number) => `${version}:${++calls}`);
		expect(await valueAt(2, 'en')).toBe('2:1');
		expect(await valueAt(1, 'en')).toBe('1:2');
		expect(await valueAt(1, 'en')).toBe('1:3');
		expect(await valueAt(2, 'en')).toBe('2:1');
	});

	it('forgets a failure: the next request works it out again', async () => {
		let calls = 0;
		const valueAt = oncePerVersion(async () => {
			if (++calls === 1) throw new Error('store fault');
			return calls;
		});
		await expect(valueAt(1, 'en')).rejects.toThrow('store fault');
		expect(await valueAt(1, 'en')).toBe(2);
	});
});
