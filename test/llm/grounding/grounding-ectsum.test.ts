import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figuresIn, quantitiesIn, supports } from '../../../src/llm/grounding/figures.ts';
import { createGroundingGuard } from '../../../src/llm/grounding/grounding.ts';
import { loadCommonWords } from '../../../src/llm/grounding/common-words.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

// ECTSum (evaluation only, read at run time): earnings-call transcripts with human bullet summaries
// written from wire copy. A bullet's figures are mostly in its own transcript (some come from the
// press release, which the call does not repeat) and rarely in another company's. The guard should
// accept the first and reject the second.
const DIRECTORY = fileURLToPath(new URL('../../../../shared/data/summaries/ectsum-val/', import.meta.url));
const present = existsSync(`${DIRECTORY}gt_summaries`);
if (!present) console.warn(`grounding-ectsum: ${DIRECTORY} is absent; skipping the ECTSum evaluation`);

describe.skipIf(!present)('the grounding guard on ECTSum bullets', () => {
  it("accepts figures from the bullet's own call and rejects most from another call", () => {
    const files = readdirSync(`${DIRECTORY}gt_summaries`).sort();
    const sources = files.map((file) => ({ title: '', text: readFileSync(`${DIRECTORY}ects/${file}`, 'utf8'), entities: [] }));
    const quantities = sources.map((source) => quantitiesIn(source.text));
    const guard = createGroundingGuard({ reference: loadReferenceIndex(), commonWords: loadCommonWords(), sentences: false });
    const counts = { figures: 0, ownFigures: 0, otherFigures: 0, bullets: 0, ownBullets: 0, otherBullets: 0 };
    files.forEach((file, position) => {
      const other = (position + 7) % files.length; // a different company's call
      for (const bullet of readFileSync(`${DIRECTORY}gt_summaries/${file}`, 'utf8').split('\n')) {
        const figures = figuresIn(bullet);
        if (figures.length === 0) continue;
        for (const { quantity } of figures) {
          counts.figures += 1;
          if (quantities[position]?.some((source) => supports(source, quantity))) counts.ownFigures += 1;
          if (quantities[other]?.some((source) => supports(source, quantity))) counts.otherFigures += 1;
        }
        counts.bullets += 1;
        if (guard.check(bullet, [sources[position]!]).ok) counts.ownBullets += 1;
        if (guard.check(bullet, [sources[other]!]).ok) counts.otherBullets += 1;
      }
    });
    const rate = (part: number, whole: number): number => Math.round((1000 * part) / whole) / 1000;
    const figures = {
      pairs: files.length,
      figures: counts.figures,
      figuresFoundInOwnCall: rate(counts.ownFigures, counts.figures),
      figuresFoundInOtherCall: rate(counts.otherFigures, counts.figures),
      bulletsWithFigures: counts.bullets,
      bulletsPassingOwnCall: rate(counts.ownBullets, counts.bullets),
      bulletsPassingOtherCall: rate(counts.otherBullets, counts.bullets),
    };
    console.log(`grounding on ECTSum val: ${JSON.stringify(figures)}`);
    expect(figures.figuresFoundInOwnCall).toBeGreaterThan(0.85);
    expect(figures.figuresFoundInOtherCall).toBeLessThan(0.3);
    expect(figures.bulletsPassingOwnCall).toBeGreaterThan(0.78);
    expect(figures.bulletsPassingOtherCall).toBeLessThan(0.15);
  });
});
