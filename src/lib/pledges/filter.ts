import type { Compact } from './types';
import { isCountryCode } from './countries';
import { COMPACTS } from './schema';

export interface PublicFilter {
	country?: string;
	compact?: Compact;
}

/** The public list's filter from its query string; unknown values mean "all". */
export function filterFromQuery(params: URLSearchParams): PublicFilter {
	const country = params.get('country')?.trim().toUpperCase();
	const compact = params.get('compact')?.trim().toUpperCase() as Compact | undefined;
	return {
		...(country && isCountryCode(country) ? { country } : {}),
		...(compact && COMPACTS.includes(compact) ? { compact } : {})
	};
}
