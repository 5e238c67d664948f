// @ts-check
// LOG_FORMAT=pretty: the JSON lines as a person at a terminal reads them, one line each:
// time, level, message, then the other fields as key=value. Small on purpose (no pino-pretty and
// its dependencies); the JSON stays the format for machines.

const LEVELS = /** @type {Record<number, string>} */ ({ 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' });

/** One JSON log line as a line for people; a line that is not JSON as it is. @param {string} line */
export function prettyLine(line) {
	/** @type {Record<string, unknown>} */
	let entry;
	try {
		entry = JSON.parse(line);
	} catch {
		return line;
	}
	const { time, level, msg, pid: _pid, hostname: _hostname, ...rest } = entry;
	const clock = typeof time === 'string' ? time.slice(11, 23) : '';
	const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
	return [clock, (LEVELS[Number(level)] ?? String(level)).padEnd(5), msg, ...fields].filter(Boolean).join(' ');
}

/** A destination for pino that writes each line pretty to `out`. @param {NodeJS.WritableStream} out */
export function prettyDestination(out) {
	return {
		/** @param {string} chunk */
		write(chunk) {
			for (const line of chunk.split('\n')) if (line) out.write(`${prettyLine(line)}\n`);
		}
	};
}
