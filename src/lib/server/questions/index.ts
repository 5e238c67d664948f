import { env } from '$env/dynamic/private';

/** How many days questions and votes are kept (after the event, and after they were asked). */
export function retentionDays(): number {
	const days = Number(env.QUESTIONS_RETENTION_DAYS);
	return Number.isFinite(days) && days > 0 ? days : 30;
}
