import type { Adapter, Builder } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failOnEmptyChunks } from './empty-chunks.js';

/** An adapter whose bundler says what `said` holds, the way Rollup's default logger does. */
const adapterSaying = (...said: string[]): Adapter => ({
	name: 'test-adapter',
	async adapt() {
		for (const line of said) console.warn(line);
	}
});

const builder = {} as Builder;

describe('failOnEmptyChunks', () => {
	afterEach(() => vi.restoreAllMocks());

	it('fails the build on an empty chunk, naming it', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const adapter = failOnEmptyChunks(adapterSaying('Generated an empty chunk: "chunks/follow.js".'));
		await expect(adapter.adapt(builder)).rejects.toThrow(/chunks\/follow\.js/);
	});

	it('lets SvelteKit’s own env.js pass, and every other warning through', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const adapter = failOnEmptyChunks(adapterSaying('Generated an empty chunk: "env.js".', 'Circular dependency: a.js -> b.js -> a.js'));
		await adapter.adapt(builder);
		expect(warn.mock.calls).toEqual([['Circular dependency: a.js -> b.js -> a.js']]);
	});

	it('gives console.warn back after the build, even a failed one', async () => {
		const original = console.warn;
		const adapter = failOnEmptyChunks({ name: 'failing', adapt: async () => Promise.reject(new Error('disk full')) });
		await expect(adapter.adapt(builder)).rejects.toThrow('disk full');
		expect(console.warn).toBe(original);
	});
});
