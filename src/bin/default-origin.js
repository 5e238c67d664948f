// @ts-check
// Absolute addresses (QR codes, webcal, share links, sitemap, the embed snippet) come from
// PUBLIC_ORIGIN, baked into the build. Someone who sets only PORT expects them to follow it.

/**
 * The public origin to build and serve with: PUBLIC_ORIGIN when set, else this machine on PORT
 * (the default, http://localhost:3000, when neither is set). `isDefault` says it was not set.
 * @param {Record<string, string | undefined>} env
 * @returns {{ origin: string, isDefault: boolean }}
 */
export function publicOrigin(env) {
	const set = env.PUBLIC_ORIGIN?.trim();
	if (set) return { origin: set, isDefault: false };
	const port = env.PORT?.trim() || '3000';
	return { origin: `http://localhost:${port}`, isDefault: true };
}

/**
 * Sets PUBLIC_ORIGIN from PORT when it is not set (before the build, which bakes it in) and says so
 * when that is not the documented default.
 * @param {Record<string, string | undefined>} env
 * @param {(line: string) => void} say
 */
export function defaultPublicOrigin(env, say) {
	const { origin, isDefault } = publicOrigin(env);
	if (!isDefault) return;
	env.PUBLIC_ORIGIN = origin;
	if (env.PORT?.trim() && origin !== 'http://localhost:3000') {
		say(`PUBLIC_ORIGIN is not set: absolute addresses (QR codes, calendar, share links, sitemap) use ${origin}. Set PUBLIC_ORIGIN to the address the public uses.`);
	}
}

/**
 * Said by the server started on its own (not through `npm start`) with only PORT set: the pages
 * were built with whatever PUBLIC_ORIGIN the build had, which this server cannot change.
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export function builtOriginWarning(env) {
	const { origin, isDefault } = publicOrigin(env);
	if (!isDefault || origin === 'http://localhost:3000') return undefined;
	return `PUBLIC_ORIGIN is not set: the built pages' absolute addresses use the origin they were built with, not ${origin}. Build and start with PUBLIC_ORIGIN set (npm start does this from PORT).`;
}
