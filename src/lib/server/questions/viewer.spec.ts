import { describe, expect, it } from 'vitest';
import { newViewerCookie, verifyViewerCookie } from './viewer';

describe('the viewer cookie', () => {
	it('verifies what the site signed', () => {
		const { id, value } = newViewerCookie('key-1');
		expect(verifyViewerCookie('key-1', value)).toBe(id);
	});

	it('refuses another key, a changed id, a changed signature and junk', () => {
		const { value } = newViewerCookie('key-1');
		const [id, signature] = value.split('.');
		expect(verifyViewerCookie('key-2', value)).toBeUndefined();
		expect(verifyViewerCookie('key-1', `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${signature}`)).toBeUndefined();
		expect(verifyViewerCookie('key-1', `${id}.${signature.slice(1)}`)).toBeUndefined();
		expect(verifyViewerCookie('key-1', `${value}.extra`)).toBeUndefined();
		expect(verifyViewerCookie('key-1', 'forged')).toBeUndefined();
	});
});
