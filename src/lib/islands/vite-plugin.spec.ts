import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { islandsEntry, islandsMarkedIn, islandsRegisteredIn } from './vite-plugin.js';

const registry = `export const islands = {
	PledgeCounter: island(() => import('$lib/components/PledgeCounter.svelte'), ['stream:counter'])
};`;

/** The plugin's check on a page, in a site (a temporary folder) whose registry is `registry`. */
async function checkPage(code: string) {
	const root = mkdtempSync(join(tmpdir(), 'islands-'));
	writeFileSync(join(root, 'registry.ts'), registry);
	const plugin = islandsEntry({ registry: 'registry.ts' });
	const hooks = plugin as unknown as {
		configResolved(config: object): void;
		buildStart(this: object): void;
		transform(this: object, code: string, id: string): Promise<void>;
	};
	hooks.configResolved({ command: 'build', build: { ssr: true }, root });
	// `$lib` resolved as the site's config does; the plugin reports through Vite's `error`.
	const context = {
		resolve: async (source: string) => ({ id: source.replace('$lib/', `${root}/src/lib/`) }),
		error: (message: string) => {
			throw new Error(message);
		}
	};
	hooks.buildStart.call(context);
	try {
		await hooks.transform.call(context, code, join(root, 'src/routes/+page.svelte'));
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

describe('the islands’ build check', () => {
	it('finds the components a page marks as islands and where it imports them from', () => {
		const page = `<script>import PledgeCounter from '$lib/components/PledgeCounter.svelte';</script>
<Island component={PledgeCounter} props={{ lang }} {t} /><Island inline component={ Other } props={{}} {t} />`;
		expect(islandsMarkedIn(page)).toEqual([
			{ name: 'PledgeCounter', source: '$lib/components/PledgeCounter.svelte' },
			{ name: 'Other', source: undefined }
		]);
	});

	it('reads the modules the registry loads', () => {
		expect(islandsRegisteredIn(registry)).toEqual(['$lib/components/PledgeCounter.svelte']);
	});

	it('lets a page mark a registered component', async () => {
		await expect(checkPage(`<script>import PledgeCounter from '$lib/components/PledgeCounter.svelte';</script><Island component={PledgeCounter} props={{}} {t} />`)).resolves.toBeUndefined();
	});

	it('stops the build for a component the registry does not load, naming it', async () => {
		await expect(checkPage(`<script>import NowOnAir from '$lib/components/NowOnAir.svelte';</script><Island component={NowOnAir} props={{}} {t} />`)).rejects.toThrow(
			/<Island component=\{NowOnAir\}>.*not an island of registry\.ts/
		);
	});

	it('stops the build for an island whose component is not imported by that name', async () => {
		await expect(checkPage(`<Island component={PledgeCounter} props={{}} {t} />`)).rejects.toThrow(/PledgeCounter is not an island/);
	});
});
