// The W3C's WebVTT parser from npm (webvtt-parser, CommonJS, untyped): the parts the tests use.
declare module 'webvtt-parser' {
	interface ParsedCue {
		id: string;
		startTime: number;
		endTime: number;
		text: string;
	}
	interface ParseError {
		message: string;
		line: number;
	}
	class WebVTTParser {
		parse(input: string, mode?: 'metadata' | 'chapters'): { cues: ParsedCue[]; errors: ParseError[] };
	}
	const webvtt: { WebVTTParser: typeof WebVTTParser };
	export default webvtt;
}
