import { faker } from '@faker-js/faker';

export interface FaultArticle {
  title: string;
  text: string;
  url: string;
  publishedAt: string;
}

const METRICS = ['revenue', 'operating profit', 'net income', 'orders', 'deliveries', 'subscribers'];
const MOVES = ['rose', 'fell', 'climbed', 'slipped', 'jumped', 'dropped'];

/**
 * `count` distinct market-news-shaped articles of our own invention (faker names and words, seeded),
 * each unlike the others, published in the `hours` before `until`.
 */
export function faultArticles(count: number, seed: number, until: Date, hours = 12): FaultArticle[] {
  faker.seed(seed);
  return Array.from({ length: count }, (_unused, index) => {
    const company = faker.company.name();
    const metric = faker.helpers.arrayElement(METRICS);
    const move = faker.helpers.arrayElement(MOVES);
    const percent = faker.number.float({ min: 1, max: 40, fractionDigits: 1 });
    const paragraphs = [
      `${company} said on ${faker.date.weekday()} that quarterly ${metric} ${move} ${percent}% from a year earlier, as ${faker.word.words(6)}.`,
      `The company, based in ${faker.location.city()}, expects ${faker.word.words(10)} over the coming months, its chief executive ${faker.person.fullName()} said.`,
      `Analysts at ${faker.company.name()} said the result was ${faker.word.adjective()} and noted ${faker.word.words(12)}.`,
      `Shares of ${company} ${move} ${faker.number.float({ min: 0.5, max: 9, fractionDigits: 1 })}% in ${faker.word.adjective()} trading; ${faker.word.words(14)}.`,
    ];
    return {
      title: `${company} ${metric} ${move} ${percent}% (${index + 1})`,
      text: paragraphs.join('\n\n'),
      url: `https://news.example.com/${seed}/${index + 1}`,
      publishedAt: new Date(until.getTime() - ((index % hours) + 0.5) * 3_600_000).toISOString(),
    };
  });
}
