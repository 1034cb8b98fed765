import type { Brief, Reply, ReplyLine, ReplySection, SentimentLabel } from '../domain/index.ts';

export const TONE_MARK: Record<SentimentLabel, string> = { positive: '▲', negative: '▼', neutral: '●', mixed: '◆' };

function overallTone(counts: Brief['sentiment']): SentimentLabel {
  const { positive, negative } = counts;
  if (positive > 0 && negative > 0 && Math.min(positive, negative) / Math.max(positive, negative) > 0.6) return 'mixed';
  if (positive > negative) return 'positive';
  if (negative > positive) return 'negative';
  return 'neutral';
}

function hoursBetween(since: string, until: string): number {
  return Math.round((Date.parse(until) - Date.parse(since)) / 3_600_000);
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The tone a move shows: up is positive, down negative. */
export function moveTone(direction: 'up' | 'down'): 'positive' | 'negative' {
  return direction === 'up' ? 'positive' : 'negative';
}

/** "▲ 21% since January": the direction, the figure and its horizon. */
export function moveFigureLabel(mover: Pick<Brief['movers'][number], 'direction' | 'figure' | 'horizon'>): string {
  return `${TONE_MARK[moveTone(mover.direction)]} ${mover.figure}${mover.horizon == null ? '' : ` ${mover.horizon}`}`;
}

/** "Hang Seng Index ▲ 21% since January": the instrument, the direction, the figure and its horizon. */
export function moverLabel(mover: Brief['movers'][number]): string {
  return `${mover.name}${mover.ticker === null ? '' : ` (${mover.ticker})`} ${moveFigureLabel(mover)}`;
}

/** The neutral Reply for a brief, which every platform renders its own way. */
export function briefToReply(brief: Brief, visibility: Reply['visibility'] = 'public'): Reply {
  const sections: ReplySection[] = [];
  if (brief.stories.length > 0) {
    sections.push({
      heading: 'Top stories',
      lines: brief.stories.map(
        (story): ReplyLine => ({
          label: `${TONE_MARK[story.sentiment.label]} ${story.headline}`,
          text: story.summary.map((sentence) => sentence.text).join(' '),
          sources: story.sources,
          tone: story.sentiment.label,
        }),
      ),
    });
  }
  if (brief.movers.length > 0) {
    // A trader reads Movers at a glance: a clause the stories already quote is not repeated.
    const quoted = brief.stories.flatMap((story) => story.summary.map((sentence) => normalised(sentence.text)));
    sections.push({
      heading: 'Movers',
      lines: brief.movers.map((mover) => ({
        label: moverLabel(mover),
        text: quoted.some((sentence) => sentence.includes(normalised(mover.excerpt))) ? '' : mover.excerpt,
        sources: [mover.source],
        tone: moveTone(mover.direction),
      })),
    });
  }
  const counts = brief.sentiment;
  const tone = overallTone(counts);
  const storyCount = brief.stories.length;
  const leadText =
    brief.articleCount === 0
      ? noArticles(brief.window)
      : `${storyCount} ${storyCount === 1 ? 'story' : 'stories'} from ${brief.articleCount} ${brief.articleCount === 1 ? 'article' : 'articles'} · ` +
        `sentiment ${TONE_MARK.positive} ${counts.positive} positive, ${TONE_MARK.negative} ${counts.negative} negative, ` +
        `${TONE_MARK.neutral} ${counts.neutral} neutral${counts.mixed > 0 ? `, ${TONE_MARK.mixed} ${counts.mixed} mixed` : ''}`;
  const overview = brief.overview.map((sentence) => sentence.text).join(' ');
  const overviewSources = [...new Set(brief.overview.flatMap((sentence) => sentence.sources))];
  // With a model configured but unavailable, the LLM path leaves a "Generated offline: …" note.
  const modelFailed = brief.notes.some((note) => note.startsWith('Generated offline'));
  const footer = [
    brief.summariser !== 'extractive'
      ? `Summarised by ${brief.summariser}`
      : modelFailed
        ? 'Extractive summaries'
        : 'Offline extractive summaries (no LLM configured)',
    ...brief.notes,
  ].join(' · ');
  return {
    title: brief.title,
    lead: overview === '' ? { text: leadText, sources: [] } : { text: overview, sources: overviewSources },
    sections: overview === '' ? sections : [{ heading: '', lines: [{ text: leadText, sources: [] }] }, ...sections],
    sources: brief.sources,
    visibility,
    tone,
    footer,
  };
}

/** "No articles in the last 24 h."; over a longer window the day it starts ("No articles since 2023-01-10."), not 34,273 hours. */
function noArticles(window: { since: string; until: string }): string {
  const hours = hoursBetween(window.since, window.until);
  return hours <= 72 ? `No articles in the last ${hours} h.` : `No articles since ${window.since.slice(0, 10)}.`;
}
