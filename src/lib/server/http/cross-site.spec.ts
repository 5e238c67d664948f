import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost, isFromAnotherSite, refusedCrossSiteForm } from './cross-site';
import { SPEC_ORIGIN } from './spec-request';

const url = new URL('/api/questions', SPEC_ORIGIN);
const request = (headers: Record<string, string>, method = 'POST') => new Request(url, { method, headers });

describe('a request from another site', () => {
	it('is one whose Origin names another origin', () => {
		expect(isFromAnotherSite(request({ origin: 'https://attacker.example' }), url)).toBe(true);
		expect(isFromAnotherSite(request({ origin: SPEC_ORIGIN }), url)).toBe(false);
	});

	it('is one the browser marks cross-site, Origin or not', () => {
		expect(isFromAnotherSite(request({ 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(isFromAnotherSite(request({ 'sec-fetch-site': 'same-origin', origin: SPEC_ORIGIN }), url)).toBe(false);
	});

	it('is not a script’s request that names no origin', () => {
		expect(isFromAnotherSite(request({}), url)).toBe(false);
	});
});

describe('a cross-site form post', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };

	it('is a form-encoded write that does not name this site as its origin', () => {
		expect(isCrossSiteFormPost({ request: request({ ...form, origin: 'https://attacker.example' }), url })).toBe(true);
		expect(isCrossSiteFormPost({ request: request(form), url })).toBe(true);
		expect(isCrossSiteFormPost({ request: request({ 'content-type': 'multipart/form-data; boundary=x' }, 'DELETE'), url })).toBe(true);
	});

	it('is not a form from this site, a JSON write, nor a read', () => {
		expect(isCrossSiteFormPost({ request: request({ ...form, origin: SPEC_ORIGIN }), url })).toBe(false);
		expect(isCrossSiteFormPost({ request: request({ 'content-type': 'application/json', origin: 'https://attacker.example' }), url })).toBe(false);
		expect(isCrossSiteFormPost({ request: request({ ...form, origin: 'https://attacker.example' }, 'GET'), url })).toBe(false);
	});

	it('is answered 403 in plain text, as SvelteKit answers it; anything else goes on', async () => {
		const refused = refusedCrossSiteForm({ request: request({ ...form, origin: 'https://attacker.example' }), url });
		expect(refused?.status).toBe(403);
		expect(refused?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await refused?.text()).toBe('Cross-site POST form submissions are forbidden');
		expect(refusedCrossSiteForm({ request: request({ ...form, origin: SPEC_ORIGIN }), url })).toBeUndefined();
	});
});
