import { describe, expect, it } from 'vitest';
import { builtOriginWarning, defaultPublicOrigin, publicOrigin } from './default-origin.js';

describe('the public origin when PUBLIC_ORIGIN is not set', () => {
	it('follows PORT', () => {
		expect(publicOrigin({ PORT: '4100' })).toEqual({ origin: 'http://localhost:4100', isDefault: true });
	});

	it('is the documented default without PORT', () => {
		expect(publicOrigin({})).toEqual({ origin: 'http://localhost:3000', isDefault: true });
	});

	it('is PUBLIC_ORIGIN whenever it is set, whatever PORT says', () => {
		expect(publicOrigin({ PORT: '4100', PUBLIC_ORIGIN: 'https://event.example.org' })).toEqual({ origin: 'https://event.example.org', isDefault: false });
	});

	it('is written into the environment before the build and said once when PORT chose it', () => {
		const env: Record<string, string | undefined> = { PORT: '4100' };
		const said: string[] = [];
		defaultPublicOrigin(env, (line) => said.push(line));
		expect(env.PUBLIC_ORIGIN).toBe('http://localhost:4100');
		expect(said).toHaveLength(1);
		expect(said[0]).toContain('http://localhost:4100');
	});

	it('leaves a set PUBLIC_ORIGIN alone and says nothing', () => {
		const env: Record<string, string | undefined> = { PORT: '4100', PUBLIC_ORIGIN: 'https://event.example.org' };
		const said: string[] = [];
		defaultPublicOrigin(env, (line) => said.push(line));
		expect(env.PUBLIC_ORIGIN).toBe('https://event.example.org');
		expect(said).toEqual([]);
	});
});

describe('the server started on its own', () => {
	it('warns when only PORT says where it is', () => {
		expect(builtOriginWarning({ PORT: '4100' })).toContain('http://localhost:4100');
	});

	it('says nothing with PUBLIC_ORIGIN set, or on the default port', () => {
		expect(builtOriginWarning({ PORT: '4100', PUBLIC_ORIGIN: 'https://event.example.org' })).toBeUndefined();
		expect(builtOriginWarning({})).toBeUndefined();
	});
});
