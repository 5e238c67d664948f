/**
 * The header of a public read (the pledges as JSON, CSV and live stream, the questions' public
 * state): any site may read them. Writes never carry it, nor does what only organizers may read.
 */
export const PUBLIC_READ_HEADERS = { 'access-control-allow-origin': '*' } as const;
