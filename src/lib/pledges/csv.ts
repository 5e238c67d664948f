import type { PledgeInput } from './types';
import { validatePledge, type FieldErrors } from './schema';
import { statusFromCell } from './status';

/** Columns a pledge CSV may have (header names, any case, any order); the first three are required. */
export const CSV_COLUMNS = ['government', 'country', 'title', 'description', 'compacts', 'url', 'status'] as const;
const REQUIRED_COLUMNS = ['government', 'country', 'title'];
export const MAX_IMPORT_ROWS = 1000;

export type CsvProblem = 'empty' | 'unterminatedQuote' | 'missingColumns' | 'tooManyRows';

/** RFC 4180 records: commas, double-quoted fields with "" escapes and line breaks, CRLF or LF. */
export function parseCsv(text: string): { records: string[][] } | { problem: 'unterminatedQuote' } {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let inQuotes = false;
	const source = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (inQuotes) {
			if (char === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') inQuotes = false;
			else field += char;
		} else if (char === '"' && field === '') inQuotes = true;
		else if (char === ',') {
			record.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += char;
	}
	if (inQuotes) return { problem: 'unterminatedQuote' };
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return { records: records.filter((r) => r.some((cell) => cell.trim() !== '')) };
}

export interface ImportRow {
	/** The line in the file (the header is line 1), for messages people can find. */
	line: number;
	values: Record<string, string>;
	pledge?: PledgeInput;
	errors?: FieldErrors;
}

export type ImportPreview = { problem: CsvProblem; missing?: string[] } | { rows: ImportRow[]; isValid: boolean };

/** Every row of a pledge CSV validated by the pledge schema; importable only when every row is. */
export function previewImport(text: string): ImportPreview {
	const parsed = parseCsv(text);
	if ('problem' in parsed) return { problem: parsed.problem };
	const [header, ...body] = parsed.records;
	if (!header || body.length === 0) return { problem: 'empty' };
	if (body.length > MAX_IMPORT_ROWS) return { problem: 'tooManyRows' };
	const names = header.map((name) => name.trim().toLowerCase());
	const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
	if (missing.length > 0) return { problem: 'missingColumns', missing };

	const rows = body.map((cells, index): ImportRow => {
		const values: Record<string, string> = {};
		for (const column of CSV_COLUMNS) {
			const at = names.indexOf(column);
			values[column] = at >= 0 ? (cells[at] ?? '') : '';
		}
		const result = validatePledge({
			...values,
			compacts: values.compacts
				.split(/[;,|\s]+/)
				.map((compact) => compact.trim().toUpperCase())
				.filter(Boolean),
			status: statusFromCell(values.status)
		});
		return result.success ? { line: index + 2, values, pledge: result.pledge } : { line: index + 2, values, errors: result.errors };
	});
	return { rows, isValid: rows.every((row) => row.pledge) };
}
