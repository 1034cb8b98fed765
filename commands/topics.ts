import type { Command } from '../src/dispatch/index.ts';
import type { Reply, ReplySection } from '../src/domain/index.ts';
import { TOPICS } from '../src/pipeline/index.ts';

const KIND_HEADINGS = { region: 'Regions', 'asset-class': 'Asset classes', theme: 'Themes' } as const;
const RECENT_DAYS = 7;

export default {
  name: 'topics',
  description: 'The topics you can brief on or subscribe to, with recent article counts',
  usage: '/topics',
  examples: ['/topics'],
  options: [],
  adminOnly: false,
  async run(_options, _context, services) {
    const since = new Date(services.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
    const counts = new Map((await services.store.topicCounts(since)).map((count) => [count.topic, count.articles]));
    const sections: ReplySection[] = (Object.keys(KIND_HEADINGS) as Array<keyof typeof KIND_HEADINGS>).map((kind) => ({
      heading: KIND_HEADINGS[kind],
      lines: TOPICS.filter((topic) => topic.kind === kind).map((topic) => ({
        label: topic.slug,
        text: `${topic.label}${counts.has(topic.slug) ? ` (${counts.get(topic.slug)} in ${RECENT_DAYS} days)` : ''}`,
        sources: [],
      })),
    }));
    const reply: Reply = {
      title: 'Topics',
      sections: sections.filter((section) => section.lines.length > 0),
      sources: [],
      visibility: 'ephemeral',
      footer: 'Use a slug with /brief or /subscribe, e.g. /brief hong-kong',
    };
    return reply;
  },
} satisfies Command;
