// The live counter's island in the browser: PledgeCounter.svelte's markup, kept live by its plain module.
import { keepCounterLive, type CounterOptions } from '$lib/components/pledge-counter';
import type { Language } from '$lib/i18n/languages';
import { speak } from '$lib/i18n/words';
import { parseProps, wordsOf } from './props';

export function start(place: HTMLElement, lang: Language): void {
	const root = place.querySelector<HTMLElement>('.pledge-counter');
	if (!root) return;
	// The component's own props, as the page rendered it with them.
	const { initial, latestCount, headingLevel } = parseProps(place.dataset.props) as Partial<CounterOptions>;
	keepCounterLive(root, { lang, t: speak(lang, wordsOf(place)), initial, latestCount, headingLevel });
}
