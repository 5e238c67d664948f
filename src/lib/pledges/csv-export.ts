import type { Pledge } from './types';
import { EXPORT_COLUMNS, openPledge } from './open-data';

export { EXPORT_COLUMNS } from './open-data';

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"). */
export function neutralisedCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoted(value: string): string {
	const cell = neutralisedCell(value);
	return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function cellsOf(pledge: Pledge): string[] {
	const open = openPledge(pledge);
	return EXPORT_COLUMNS.map((column) => {
		if (column === 'compacts') return open.compacts.join(';');
		return String(open[column] ?? '');
	});
}

/** The pledges as RFC 4180 CSV, UTF-8 with a byte-order mark so that Excel shows accents. */
export function pledgesCsv(pledges: Pledge[]): string {
	const lines = [EXPORT_COLUMNS.join(','), ...pledges.map((pledge) => cellsOf(pledge).map(quoted).join(','))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
