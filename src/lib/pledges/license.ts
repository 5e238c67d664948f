/** The open data's licence unless `OPEN_DATA_LICENSE` says otherwise (README, "Settings"). */
export const DEFAULT_OPEN_DATA_LICENSE = 'CC-BY-4.0';

/** Where an SPDX licence identifier's text is published. */
export const licenseUrl = (license: string) => `https://spdx.org/licenses/${license}.html`;
