/**
 * The one rule for the strings a request can bring to a query. Ids are the store's UUIDs: anything
 * else names no record, and is answered without asking the store. Text never carries NUL:
 * PostgreSQL refuses it (`invalid byte sequence for encoding "UTF8": 0x00`) where SQLite would
 * store it, so neither engine is asked with one and both answer alike.
 */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isRecordId = (id: string): boolean => RECORD_ID.test(id);

export const isQueryableText = (text: string): boolean => !text.includes('\0');
