import type { Compact, PledgeStatus } from './types';
import { isCountryCode } from './countries';
import { COMPACTS } from './schema';
import { isStatus } from './status';

export interface PublicFilter {
	country?: string;
	compact?: Compact;
	status?: PledgeStatus;
}

/** The public list's filter from its query string; unknown values mean "all". */
export function filterFromQuery(params: URLSearchParams): PublicFilter {
	const country = params.get('country')?.trim().toUpperCase();
	const compact = params.get('compact')?.trim().toUpperCase() as Compact | undefined;
	const status = params.get('status')?.trim();
	return {
		...(country && isCountryCode(country) ? { country } : {}),
		...(compact && COMPACTS.includes(compact) ? { compact } : {}),
		...(isStatus(status) ? { status } : {})
	};
}
