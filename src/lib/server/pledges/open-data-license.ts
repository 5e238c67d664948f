import { env } from '$env/dynamic/private';
import { DEFAULT_OPEN_DATA_LICENSE, licenseUrl } from '$lib/pledges/license';

/** The open data's licence (`OPEN_DATA_LICENSE`): an SPDX identifier; anything else falls back to the default. */
export function openDataLicense(): string {
	const license = env.OPEN_DATA_LICENSE?.trim();
	return license && /^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$/.test(license) ? license : DEFAULT_OPEN_DATA_LICENSE;
}

/**
 * The licence as an HTTP header (RFC 8288 `Link`, relation `license` of RFC 4946), for the CSV and the
 * JSON alike; exposed to other sites' scripts, which may read these answers.
 */
export const licenseHeaders = (license = openDataLicense()) => ({
	link: `<${licenseUrl(license)}>; rel="license"; title="${license}"`,
	'access-control-expose-headers': 'link'
});
