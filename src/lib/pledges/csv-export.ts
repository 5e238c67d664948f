import type { Pledge } from './types';
import { CSV_COLUMNS } from './csv';

/** The open-data CSV's columns: the import's own, then the pledge's id, the time it was recorded and its last progress report. */
export const EXPORT_COLUMNS = ['id', ...CSV_COLUMNS, 'createdAt', 'lastReportAt'] as const;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"). */
export function neutralisedCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoted(value: string): string {
	const cell = neutralisedCell(value);
	return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function cellsOf(pledge: Pledge): string[] {
	return EXPORT_COLUMNS.map((column) => {
		if (column === 'compacts') return pledge.compacts.join(';');
		return String(pledge[column] ?? '');
	});
}

/** The pledges as RFC 4180 CSV, UTF-8 with a byte-order mark so that Excel shows accents. */
export function pledgesCsv(pledges: Pledge[]): string {
	const lines = [EXPORT_COLUMNS.join(','), ...pledges.map((pledge) => cellsOf(pledge).map(quoted).join(','))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
