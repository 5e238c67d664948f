import { CopyRefused, type Value } from './types.ts';

/** How a PostgreSQL column's values map to the canonical form (as SQLite keeps them, schema.ts). */
export type ColumnKind = 'text' | 'number' | 'flag' | 'instant' | 'day' | 'bytes' | 'list';

/** The kind of a column by its `information_schema` type; a type the copy does not know stops it, named. */
export function columnKind(table: string, column: string, dataType: string, udtName: string): ColumnKind {
	switch (dataType) {
		case 'text':
		case 'character varying':
			return 'text';
		case 'integer':
		case 'bigint':
		case 'smallint':
		case 'double precision':
		case 'real':
			return 'number';
		case 'boolean':
			return 'flag';
		case 'timestamp with time zone':
			return 'instant';
		case 'date':
			return 'day';
		case 'bytea':
			return 'bytes';
		case 'ARRAY':
			if (udtName === '_text') return 'list';
	}
	throw new CopyRefused(`the column ${table}.${column} has the type ${dataType === 'ARRAY' ? udtName : dataType}, which the copy does not know how to carry: teach src/lib/server/store/portable/postgres-values.ts`);
}

/** A value as pg reads it (store/postgres/database.ts's parsers: bigint as a number, a day as text) in its canonical form. */
export function fromPostgres(kind: ColumnKind, value: unknown): Value {
	if (value === null || value === undefined) return null;
	switch (kind) {
		case 'flag':
			return value ? 1 : 0;
		case 'instant':
			return (value as Date).toISOString();
		case 'bytes':
			return (value as Buffer).toString('base64');
		case 'list':
			return JSON.stringify(value);
		case 'number':
			return Number(value);
		default:
			return value as string;
	}
}

/** A canonical value as a parameter of PostgreSQL's column of that kind. */
export function toPostgres(kind: ColumnKind, value: Value, where: string): unknown {
	if (value === null) return null;
	switch (kind) {
		case 'flag':
			if (value !== 0 && value !== 1) throw new CopyRefused(`${where}: ${JSON.stringify(value)} is not a flag (0 or 1)`);
			return value === 1;
		case 'bytes':
			return Buffer.from(String(value), 'base64');
		case 'list': {
			const list: unknown = JSON.parse(String(value));
			if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new CopyRefused(`${where}: ${JSON.stringify(value)} is not a list of texts`);
			return list;
		}
		default:
			return value;
	}
}
