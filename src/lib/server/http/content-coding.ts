import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The codings a kept answer is stored in beside its plain bytes, the smaller first. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number];

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The coding to send to a client, from its `Accept-Encoding`: the one it weighs highest among `available`
 * (brotli before gzip when equal), none when it names none (no header: the plain bytes, which every client reads).
 */
export function preferredCoding(acceptEncoding: string | null, available: readonly Coding[] = CODINGS): Coding | undefined {
	if (!acceptEncoding) return undefined;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...parameters] = part.trim().toLowerCase().split(';');
		const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
		if (name) weights.set(name, q === undefined ? 1 : Number(q));
	}
	let best: { coding: Coding; weight: number } | undefined;
	for (const coding of available) {
		const weight = weights.get(coding) ?? weights.get('*') ?? 0;
		if (weight > 0 && (!best || weight > best.weight)) best = { coding, weight };
	}
	return best?.coding;
}

/**
 * An answer's bytes in every coding, compressed once for all the requests that will read them. Off the event
 * loop (zlib's threads); brotli at a middle quality: most of its gain over gzip for a fraction of its top quality's time.
 */
export async function compressedCopies(body: Uint8Array): Promise<Record<Coding, Uint8Array>> {
	const [br, gz] = await Promise.all([
		brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
		gzipped(body, { level: 9 })
	]);
	return { br, gzip: gz };
}
