import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEntityRecognizer } from '../../../src/pipeline/understand/entities/recognizer.ts';
import { assignTopics, findTopic, suggestTopics, TOPICS } from '../../../src/pipeline/understand/topics/topics.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

const shared = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const seedPath = `${shared}seed-article.txt`;
const reutersDirectory = `${shared}topics/reuters-21578/`;
for (const [path, what] of [
  [seedPath, 'seed article'],
  [reutersDirectory, 'Reuters-21578'],
] as const) {
  if (!existsSync(path)) console.warn(`topics.test: ${path} is absent; skipping the ${what} checks`);
}

const index = loadReferenceIndex();
const recognizer = createEntityRecognizer(index);
const topicsOf = (title: string, text: string): string[] => assignTopics({ title, text, entities: recognizer.recognize(title, text) }, index);

describe('the taxonomy', () => {
  it('has unique kebab-case slugs of the three kinds, each described, marked by entities that exist', () => {
    const slugs = TOPICS.map((topic) => topic.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const topic of TOPICS) {
      expect(topic.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['region', 'asset-class', 'theme']).toContain(topic.kind);
      expect(topic.label.length).toBeGreaterThan(1);
      expect(topic.description.length).toBeGreaterThan(10);
      for (const id of topic.entityIds) expect(index.get(id), `${topic.slug}: ${id}`).toBeDefined();
    }
    for (const slug of [
      'hong-kong',
      'china',
      'us',
      'india',
      'japan',
      'europe',
      'uk',
      'asia',
      'emerging-markets',
      'equities',
      'bonds',
      'fx',
      'commodities',
      'crypto',
    ]) {
      expect(slugs).toContain(slug);
    }
    for (const slug of [
      'ai',
      'earnings',
      'ipo',
      'monetary-policy',
      'trade',
      'm-and-a',
      'regulation',
      'inflation',
      'tech',
      'ev',
      'property',
      'energy',
      'banking',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it('finds a topic by slug, label or common alias', () => {
    const cases: Array<[string, string]> = [
      ['hong-kong', 'hong-kong'],
      ['HK', 'hong-kong'],
      ['Hong Kong', 'hong-kong'],
      ['monetary policy', 'monetary-policy'],
      ['rates', 'monetary-policy'],
      ['M&A', 'm-and-a'],
      ['mergers', 'm-and-a'],
      ['U.S.', 'us'],
      ['A.I.', 'ai'],
      ['stocks', 'equities'],
      ['forex', 'fx'],
      ['#crypto', 'crypto'],
    ];
    for (const [query, slug] of cases) expect(findTopic(query)?.slug, query).toBe(slug);
    expect(findTopic('weather')).toBeNull();
  });

  it('suggests by prefix and forgives typos', () => {
    expect(suggestTopics('hong')[0]?.slug).toBe('hong-kong');
    expect(suggestTopics('infl')[0]?.slug).toBe('inflation');
    expect(suggestTopics('jpan')[0]?.slug).toBe('japan');
    expect(suggestTopics('monetery policy')[0]?.slug).toBe('monetary-policy');
    expect(suggestTopics('', 5)).toHaveLength(5);
  });
});

describe('assignTopics', () => {
  it('needs real support: one passing word in a long piece is not enough, a title or repeated mentions are', () => {
    const filler = 'The committee discussed the schedule for the coming weeks and agreed to meet again. '.repeat(40);
    expect(topicsOf('Local council plans new library', `${filler} One speaker mentioned oil.`)).not.toContain('energy');
    expect(topicsOf('Oil prices jump as OPEC cuts output', `${filler} Crude rose.`)).toContain('energy');
    const tariffs = 'The U.S. raised tariffs on steel imports. Exporters warned the trade war would hurt them, and Washington may raise tariffs again.';
    expect(topicsOf('', tariffs)).toEqual(expect.arrayContaining(['trade', 'us']));
  });

  it('uses the topics of the entities an article mentions', () => {
    const text = 'The Hang Seng rose 2% and the Hang Seng Tech index gained 3% as Tencent and Alibaba rallied on the HKEX.';
    expect(topicsOf('', text)).toEqual(expect.arrayContaining(['hong-kong', 'equities', 'tech']));
    expect(topicsOf('', 'The Federal Reserve held interest rates steady, and the Fed signalled two rate cuts.').slice(0, 2)).toEqual(
      expect.arrayContaining(['monetary-policy', 'us']),
    );
    expect(topicsOf('', 'Bitcoin and Ether fell as the stablecoin market shrank; Bitcoin lost 5%.')).toContain('crypto');
  });

  it('matches case-sensitive keywords with their case', () => {
    expect(topicsOf('', 'Tell us what you think; let us know, and we will write to us again with more for us.')).not.toContain('us');
  });
});

describe.skipIf(!existsSync(seedPath))('the seed article', () => {
  it('is about Hong Kong, China, the US, equities, AI and trade', () => {
    const lines = readFileSync(seedPath, 'utf8').split('\n');
    const topics = topicsOf(lines[1] ?? '', lines.slice(2).join('\n'));
    console.log(`seed topics: ${topics.join(', ')}`);
    expect(topics).toEqual(expect.arrayContaining(['hong-kong', 'china', 'us', 'equities', 'ai', 'trade']));
    expect(topics).not.toContain('crypto');
    expect(topics).not.toContain('m-and-a');
  });
});

describe.skipIf(!existsSync(reutersDirectory))('Reuters-21578 (ModApte test split)', () => {
  // Their labels, mapped to ours where the meaning matches.
  const TOPIC_MAP: Readonly<Record<string, string[]>> = {
    earnings: ['earn'],
    'm-and-a': ['acq'],
    energy: ['crude', 'nat-gas', 'gas', 'fuel', 'heat', 'propane'],
    fx: ['money-fx', 'dlr', 'yen', 'dmk', 'stg'],
    'monetary-policy': ['interest'],
    trade: ['trade'],
    inflation: ['cpi', 'wpi'],
    commodities: [
      'crude',
      'nat-gas',
      'grain',
      'wheat',
      'corn',
      'coffee',
      'sugar',
      'cocoa',
      'gold',
      'silver',
      'copper',
      'cotton',
      'oilseed',
      'soybean',
      'veg-oil',
      'livestock',
      'rubber',
      'tin',
      'zinc',
      'nickel',
      'alum',
      'iron-steel',
      'lead',
      'palm-oil',
      'orange',
      'carcass',
      'meal-feed',
      'barley',
      'rice',
      'sorghum',
      'strategic-metal',
      'platinum',
      'soy-meal',
      'soy-oil',
      'rapeseed',
      'hog',
      'cattle',
      'oat',
      'palladium',
      'tea',
    ],
  };
  const PLACE_MAP: Readonly<Record<string, string[]>> = {
    japan: ['japan'],
    uk: ['uk'],
    germany: ['west-germany'],
    china: ['china'],
    australia: ['australia'],
    us: ['usa'],
  };
  const FLOORS: Readonly<Record<string, [number, number]>> = {
    earnings: [0.8, 0.85],
    'm-and-a': [0.8, 0.55],
    energy: [0.5, 0.8],
    fx: [0.5, 0.35],
    'monetary-policy': [0.35, 0.6],
    trade: [0.4, 0.7],
    inflation: [0.4, 0.6],
    commodities: [0.75, 0.6],
    japan: [0.75, 0.75],
    uk: [0.6, 0.5],
    germany: [0.6, 0.5],
    china: [0.6, 0.6],
    australia: [0.7, 0.6],
    us: [0.75, 0.25],
  };

  it('agrees with the human topic and place labels where they mean the same thing', () => {
    const decode = (text: string): string =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/&#\d+;/g, ' ');
    const labels = (record: string, tag: string): string[] =>
      [...(new RegExp(`<${tag}>(.*?)</${tag}>`, 's').exec(record)?.[1] ?? '').matchAll(/<D>(.*?)<\/D>/g)].map((match) => match[1] ?? '');
    const counts = new Map<string, { truePositive: number; falsePositive: number; falseNegative: number }>();
    let documents = 0;
    for (const file of readdirSync(reutersDirectory)
      .filter((name) => name.endsWith('.sgm.gz'))
      .sort()) {
      for (const record of gunzipSync(readFileSync(`${reutersDirectory}${file}`))
        .toString('latin1')
        .split('</REUTERS>')) {
        if (!record.includes('LEWISSPLIT="TEST"') || !record.includes('TOPICS="YES"')) continue;
        const topics = labels(record, 'TOPICS');
        if (topics.length === 0) continue;
        const places = labels(record, 'PLACES');
        const title = decode(/<TITLE>(.*?)<\/TITLE>/s.exec(record)?.[1] ?? '');
        const text = decode(`${/<DATELINE>(.*?)<\/DATELINE>/s.exec(record)?.[1] ?? ''}${/<BODY>(.*?)<\/BODY>/s.exec(record)?.[1] ?? ''}`).replace(
          /\s*Reuter\s*$/,
          '',
        );
        documents += 1;
        const assigned = new Set(topicsOf(title, text));
        const comparisons = [
          ...Object.entries(TOPIC_MAP).map(([slug, list]) => [slug, list, topics] as const),
          ...Object.entries(PLACE_MAP).map(([slug, list]) => [slug, list, places] as const),
        ];
        for (const [ours, theirs, given] of comparisons) {
          const gold = given.some((label) => theirs.includes(label));
          const count = counts.get(ours) ?? { truePositive: 0, falsePositive: 0, falseNegative: 0 };
          if (gold && assigned.has(ours)) count.truePositive += 1;
          else if (assigned.has(ours)) count.falsePositive += 1;
          else if (gold) count.falseNegative += 1;
          counts.set(ours, count);
        }
      }
    }
    const lines: string[] = [];
    for (const [slug, count] of counts) {
      const precision = count.truePositive / (count.truePositive + count.falsePositive);
      const recall = count.truePositive / (count.truePositive + count.falseNegative);
      lines.push(`${slug.padEnd(16)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${count.truePositive + count.falseNegative} labelled)`);
      const [precisionFloor, recallFloor] = FLOORS[slug] ?? [0, 0];
      expect(precision, `${slug} precision`).toBeGreaterThan(precisionFloor);
      expect(recall, `${slug} recall`).toBeGreaterThan(recallFloor);
    }
    console.log(`Reuters-21578, ${documents} test stories:\n${lines.join('\n')}`);
    expect(documents).toBeGreaterThan(2_500);
  });
});
