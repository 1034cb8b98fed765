import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/brief/answer.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

const toyota = {
  title: 'Toyota lifts its profit forecast on a weaker yen',
  text: 'Toyota raised its full-year operating profit forecast by 8% on Thursday, citing a weaker yen and strong hybrid sales. The carmaker also announced a share buyback. Analysts said the guidance was conservative.',
};
const copper = {
  title: 'Copper hits a two-year high on supply worries',
  text: 'Copper prices rose 3% to a two-year high as traders worried about mine disruptions in Chile. Mining shares rallied in London. Analysts said inventories had fallen sharply.',
};

describe('answerQuestion offline', () => {
  it('quotes the sentence that answers, from the article about the company named', async () => {
    const store = await storeWith([toyota, copper]);
    const reply = await answerQuestion('By how much did Toyota raise its forecast?', { store, reference });
    const lines = reply.sections.flatMap((section) => section.lines);
    expect(lines[0]?.text).toContain('raised its full-year operating profit forecast by 8%');
    // Every quoted line names Toyota, and each cites the Toyota article.
    for (const line of lines) expect(line.text).toMatch(/Toyota/);
    expect(reply.sources.map((source) => source.title)).toEqual([toyota.title]);
  });

  it('answers a question with no named entity from the best matching words', async () => {
    const store = await storeWith([toyota, copper]);
    const reply = await answerQuestion('why are copper prices rising?', { store, reference });
    expect(reply.sections[0]?.lines[0]?.text).toContain('Copper prices rose 3%');
    expect(reply.sources).toHaveLength(1);
  });

  it('says so when nothing read answers the question', async () => {
    const store = await storeWith([toyota]);
    const reply = await answerQuestion('what is the weather in Paris?', { store, reference });
    expect(reply.sources).toEqual([]);
    expect(reply.sections[0]?.lines[0]?.text).toMatch(/haven't read anything/);
  });

  it('quotes the sentence without a subheading that was run into it', async () => {
    const wire = {
      title: 'Euro firms as traders weigh the ECB outlook',
      text: 'Stocks drifted lower in thin trade on Monday as investors waited for more data from Europe. ECB WEIGHS RATE HIKE The euro rose on expectations the European Central Bank will raise interest rates in April to curb inflation.',
    };
    const store = await storeWith([wire, copper]);
    const reply = await answerQuestion('what did the ECB say about interest rates', { store, reference });
    const first = reply.sections[0]?.lines[0]?.text ?? '';
    expect(first).toContain('The euro rose on expectations');
    expect(first).not.toContain('WEIGHS');
  });

  it('answers "why did it fall" with the sentence that says it fell and why, whatever form the verb takes', async () => {
    const miner = {
      title: 'Copper miner reports a quiet quarter',
      text: 'Copper output at the mine was steady in the quarter, the company said. Its chief executive said copper prices could fall next year if new mines open.',
    };
    const slump = {
      title: 'Metals slide as Chinese factories slow',
      text: 'Copper fell 4% on Tuesday amid worries that slowing Chinese factory activity would curb demand for the metal. Aluminium was little changed.',
    };
    const store = await storeWith([miner, slump]);
    const reply = await answerQuestion('why did copper fall', { store, reference });
    expect(reply.sections[0]?.lines[0]?.text).toBe(
      'Copper fell 4% on Tuesday amid worries that slowing Chinese factory activity would curb demand for the metal.',
    );
  });

  it('puts what the Fed did before what was done to it, for "what did the Fed do"', async () => {
    const hearing = {
      title: 'Senators question the Fed over the Fed rescue of an insurer',
      text: 'The senator demanded answers from the Federal Reserve about the Fed loan to the insurer and the Fed oversight of it.',
    };
    const cut = {
      title: 'Stocks rally worldwide after the Fed move',
      text: 'World stocks rallied on Thursday after the Federal Reserve cut interest rates by half a point.',
    };
    const store = await storeWith([hearing, cut]);
    const reply = await answerQuestion('what did the Fed do', { store, reference });
    expect(reply.sections[0]?.lines[0]?.text).toContain('the Federal Reserve cut interest rates');
  });
});
