import { event as eventFacts } from '../../event/event.ts';
import type { CaptionStore } from './store.ts';
import { captioningWindow, isInCaptioningWindow } from './window.ts';

/** Whether captions are taken now, and why: the event's window, or an organizer's opening (the API and the console). */
export async function captioningState(captions: Pick<CaptionStore, 'isOpen'>, now: Date = new Date()) {
	const { opensAt, closesAt } = captioningWindow(eventFacts);
	const open = await captions.isOpen();
	return { open, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), accepting: open || isInCaptioningWindow(eventFacts, now) };
}
