import type { Expression, Kysely, SqlBool } from 'kysely';
import type { PledgeChanges } from '../pledges/types.ts';
import type { CompactsColumn, Database } from './schema.ts';
import type { Compact } from '$lib/pledges/types';

/** What a change is about: each topic has its own listeners (the pledges' count, the questions, the captions, who is speaking). */
export type Topic = 'pledges' | 'questions' | 'captions' | 'speaking';

/** A write transaction as the domain sees it. */
export interface Write {
	/** Queries inside the transaction. */
	readonly db: Kysely<Database>;
	/** Tells the topic's listeners, in every process on the store, once this write is committed. */
	announce(topic: Topic): void;
}

/** Listeners of one topic, with the method the engine calls when it learns of a committed change. */
export type TopicChanges = PledgeChanges & { notify(): void };

/**
 * What each engine gives the domain (sqlite/engine.ts, postgres/engine.ts): records through one typed
 * query builder, write transactions, and the news of committed changes. Everything else (the rules:
 * what a change records and announces) lives above, once, in the domain modules.
 */
export interface Engine {
	readonly kind: 'sqlite' | 'postgres';
	/** Reads (and single statements) outside a transaction. */
	readonly db: Kysely<Database>;
	/**
	 * Runs `work` in one write transaction and settles once it is committed (on disk; on PostgreSQL's
	 * WAL). Writes that fail leave nothing behind; on SQLite, writes arriving together share one commit.
	 */
	transaction<T>(work: (write: Write) => Promise<T>): Promise<T>;
	/** The topic's listeners: told after each committed `announce`, from this process or any other one. */
	changes(topic: Topic): TopicChanges;
	/** The little SQL that differs between the engines. */
	readonly dialect: EngineDialect;
	close(): Promise<void>;
}

/** What the engines write differently, once per engine; every other query is the same on both. */
export interface EngineDialect {
	/** The pledges' compacts: a JSON array on SQLite, `text[]` on PostgreSQL. */
	compacts: {
		write(compacts: readonly Compact[]): CompactsColumn;
		read(value: CompactsColumn): Compact[];
		/** Whether a pledge's compacts include `compact`. */
		include(compact: Compact): Expression<SqlBool>;
	};
	/** `column` is one of `values`, bound as one parameter however many there are. */
	isAnyOf(column: string, values: readonly string[]): Expression<SqlBool>;
}
