// The site's mark (the favicon's "M" of Marrakech, in the site's accent blue), drawn for the
// installed app's icons. A maskable icon keeps the mark inside the central safe zone (80 %).
const ACCENT = '#005a9c';

export type IconVariant = 'any' | 'maskable';

export function appIconSvg(variant: IconVariant): string {
	const scale = variant === 'maskable' ? 0.6 : 1;
	const offset = (32 - 32 * scale) / 2;
	const corner = variant === 'maskable' ? 0 : 6;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="512" height="512">
<rect width="32" height="32" rx="${corner}" fill="${ACCENT}"/>
<g transform="translate(${offset} ${offset}) scale(${scale})"><path d="M7 22V10l9 7 9-7v12" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/></g>
</svg>`;
}

/** The icons the manifest lists: file name, size in pixels, purpose. */
export const APP_ICONS = [
	{ name: 'icon-192', size: 192, variant: 'any' },
	{ name: 'icon-512', size: 512, variant: 'any' },
	{ name: 'maskable-512', size: 512, variant: 'maskable' },
	{ name: 'apple-touch-icon-180', size: 180, variant: 'maskable' }
] as const satisfies readonly { name: string; size: number; variant: IconVariant }[];
