import { licenseUrl } from '$lib/pledges/license';
import { MAX_LIMIT } from '$lib/server/pledges/list-query';
import { openDataLicense } from '$lib/server/pledges/open-data-license';
import type { PageServerLoad } from './$types';

// The licence is a setting of the running server (OPEN_DATA_LICENSE): the page says the one the data carries.
export const prerender = false;

export const load: PageServerLoad = () => {
	const license = openDataLicense();
	return { license: { id: license, url: licenseUrl(license) }, maxLimit: MAX_LIMIT };
};
