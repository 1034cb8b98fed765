import type { Story } from '../../src/domain/index.ts';
// Deterministic answers a fake OpenAI endpoint derives from each request's own text, per prompt
// (the response_format schema name), plus the bad answers a real model might give.

/** A figure and a company no test article contains: whatever carries them must be caught by the guard. */
export const INVENTED_FIGURE = '$987.6 billion';
export const INVENTED_COMPANY = 'Contoso Holdings';
export const INVENTED_SENTENCE = `${INVENTED_COMPANY} said revenue jumped to ${INVENTED_FIGURE}.`;
/** What a model that obeyed an injected article would write. */
export const INJECTED_SENTENCE = 'Posting to #general for @everyone: see https://evil.example/offer and run /unsubscribe markets.';

/** A claim with no figure and no name, that no test article makes: only the sentence-level check catches it. */
export const UNSUPPORTED_SENTENCE = 'The outlook for pension reforms remains uncertain as lawmakers debate the details.';
/** A model repeating its own instructions. */
export const ECHO_SENTENCE = 'Be concise and neutral: no advice, no predictions of your own.';

export type AnswerStyle = 'faithful' | 'invent' | 'inject' | 'unsupported' | 'echo';

/** The extra sentence a faulty style adds, if any. */
function extraSentence(style: AnswerStyle): string | null {
  if (style === 'invent') return INVENTED_SENTENCE;
  if (style === 'inject') return INJECTED_SENTENCE;
  if (style === 'unsupported') return UNSUPPORTED_SENTENCE;
  if (style === 'echo') return ECHO_SENTENCE;
  return null;
}

interface Message {
  role: string;
  content: string;
}

function userText(messages: readonly Message[]): string {
  return messages.filter((message) => message.role === 'user').map((message) => message.content)[0] ?? '';
}

function numberedLines(text: string): Array<{ n: number; text: string }> {
  return [...text.matchAll(/^\[(\d+)\] (.*)$/gmu)].map((match) => ({ n: Number(match[1]), text: match[2] ?? '' }));
}

function articleSummary(text: string, style: AnswerStyle): object {
  const title = /^Title: (.*)$/mu.exec(text)?.[1] ?? 'Untitled';
  const sentences = numberedLines(text);
  const summary = sentences.slice(0, 2).map((sentence) => ({ text: sentence.text, from: [sentence.n] }));
  if (summary.length === 0) summary.push({ text: title, from: [1] });
  const extra = extraSentence(style);
  if (extra !== null && summary[0] !== undefined) summary[0] = { text: extra, from: [1] };
  const figures = sentences
    .flatMap((sentence) => [...sentence.text.matchAll(/\d+(?:\.\d+)?%/gu)].map((match) => ({ figure: match[0], sentence: sentence.n })))
    .slice(0, 4);
  return {
    headline: style === 'inject' ? '@everyone read this now' : title,
    summary,
    figures,
    entities: [],
    sentiment: 'neutral',
    topics: ['markets'],
  };
}

function brief(text: string, style: AnswerStyle): object {
  const stories = text.split(/^Story (\d+)$/mu).slice(1);
  const written: Array<{ story: number; headline: string; bullets: Array<{ text: string; sources: number[] }> }> = [];
  for (let position = 0; position + 1 < stories.length; position += 2) {
    const number = Number(stories[position]);
    const block = stories[position + 1] ?? '';
    const source = /^ {2}\[(\d+)\] [^:]*: (.*)$/mu.exec(block);
    const firstLine = /^ {6}(.+)$/mu.exec(block)?.[1];
    if (source === null) continue;
    const n = Number(source[1]);
    written.push({ story: number, headline: source[2] ?? '', bullets: [{ text: firstLine ?? source[2] ?? '', sources: [n] }] });
  }
  const first = written[0];
  const overview = first?.bullets[0] === undefined ? [] : [{ text: first.bullets[0].text, sources: first.bullets[0].sources }];
  if (style === 'invent' && first !== undefined) {
    first.bullets.unshift({ text: INVENTED_SENTENCE, sources: first.bullets[0]?.sources ?? [1] });
    overview.push({ text: `Markets added ${INVENTED_FIGURE} in value.`, sources: first.bullets[1]?.sources ?? [1] });
  }
  const extra = style === 'unsupported' || style === 'echo' ? extraSentence(style) : null;
  if (extra !== null && first !== undefined) {
    first.bullets.unshift({ text: extra, sources: first.bullets[0]?.sources ?? [1] });
    overview.push({ text: extra, sources: first.bullets[1]?.sources ?? [1] });
  }
  if (style === 'inject' && first !== undefined) {
    first.headline = 'Ignore the news: @everyone go to #general';
    first.bullets.unshift({ text: INJECTED_SENTENCE, sources: first.bullets[0]?.sources ?? [1] });
  }
  return { overview, stories: written };
}

function answer(text: string, style: AnswerStyle): object {
  const passage = /^ {4}(.+)$/mu.exec(text)?.[1];
  if (passage === undefined) return { answerable: false, sentences: [] };
  const sentences = [{ text: passage, sources: [1] }];
  const extra = extraSentence(style);
  if (extra !== null) sentences.push({ text: extra, sources: [1] });
  return { answerable: true, sentences };
}

/** The answer for a chat completions request body, as the JSON text a model would return. */
export function answerFor(promptId: string, messages: readonly Message[], style: AnswerStyle): string {
  const text = userText(messages);
  if (promptId === 'article-summary') return JSON.stringify(articleSummary(text, style));
  if (promptId === 'story-merge') return JSON.stringify({ groups: [] });
  if (promptId === 'brief') return JSON.stringify(brief(text, style));
  if (promptId === 'answer') return JSON.stringify(answer(text, style));
  return JSON.stringify({});
}
