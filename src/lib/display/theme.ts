/**
 * A page that fixes its colour scheme whatever the visitor's system says: the projector (dark by
 * default) and the frames partner sites embed (`?theme=light|dark`, to match the host page).
 * The class goes on the page's outermost element; app.css switches the palette from it.
 */
export type Theme = 'light' | 'dark';

/** `?theme=` when it names one, else `fallback` (undefined: the system's scheme). */
export function requestedTheme(url: URL, fallback?: Theme): Theme | undefined {
	const asked = url.searchParams.get('theme');
	return asked === 'light' || asked === 'dark' ? asked : fallback;
}

/** The class app.css reads, or none. */
export const themeClass = (theme: Theme | undefined) => (theme ? `theme-${theme}` : undefined);
