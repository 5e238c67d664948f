import type { Language } from '$lib/i18n/languages';

export interface ManifestIcon {
	name: string;
	size: number;
	variant: 'any' | 'maskable';
}

/** Colours shared by the manifest and the page head (the site's accent and light background). */
export const THEME_COLOR = '#005a9c';
export const BACKGROUND_COLOR = '#ffffff';
/** The dark palette's background (app.css), for the browser's chrome in dark mode. */
export const THEME_COLOR_DARK = '#101418';

/** The web app manifest of one language: installs the event page of that language. */
export function webManifest(lang: Language, words: { name: string; shortName: string; description: string }, icons: readonly ManifestIcon[]) {
	return {
		id: `/${lang}/`,
		name: words.name,
		short_name: words.shortName,
		description: words.description,
		lang,
		dir: 'ltr',
		start_url: `/${lang}/`,
		scope: `/${lang}/`,
		display: 'standalone',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		icons: icons.map((icon) => ({ src: `/icons/${icon.name}.png`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.variant }))
	};
}
