// Building an Intl formatter costs far more than using one (tens of milliseconds on a slow phone for
// an agenda's worth of times): each is built once per locale and options, then reused.
const built = new Map<string, unknown>();

function once<T>(key: string, build: () => T): T {
	if (!built.has(key)) built.set(key, build());
	return built.get(key) as T;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return once(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	return once(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
	return once(`list|${locale}|${JSON.stringify(options)}`, () => new Intl.ListFormat(locale, options));
}

export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
	return once(`names|${locale}|${JSON.stringify(options)}`, () => new Intl.DisplayNames(locale, options));
}
