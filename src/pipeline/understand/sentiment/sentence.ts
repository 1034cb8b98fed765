import { clauseWeightsOf, hasNumberNear, intensityAt, isMovementUse, isNegated } from './context.ts';
import { comparedFigures } from './figures.ts';
import { MARK_BASELINE_LINK, MARK_CLAUSE, MARK_MOVEMENT, MARK_STATE_LINK, MARK_TONE } from './marks.ts';
import { CLAUSE_END, type MovementForm, type Unit } from './unit.ts';
import { sentenceUnits } from './units.ts';

// A sentence's tone is the sum of its events, found in passes that each settle ("consume") the
// words they used so that no word counts twice:
//   1. result states: "swung to a net profit", "slipped into a loss";
//   2. baselines: "profit of EUR 9.8 mn versus a loss of EUR 12.7 mn", "up from a loss";
//   3. compared figures: "EUR 5.1 mn (EUR 4.0 mn)";
//   4. movements applied to what moved: "loss narrowed" is good, "costs rose" bad;
//   5. words with a tone of their own: "downgrade", "record profit", "weak demand".
// Each event is turned by negation, intensifiers and the clause it sits in.

/** One contribution to a sentence's tone, for explaining a score. */
export interface SentimentEvent {
  word: string;
  /** What moved, when the event is a movement. */
  target: string | null;
  value: number;
}

type Trace = (event: SentimentEvent) => void;

const DEFAULT_MOVE = 0.6;
const COMPARED_WEIGHT = 0.8;
const BACK_WINDOW = 8;
const FAR_BACK_WINDOW = 30;
const AHEAD_WINDOW = 5;
const NEGATED = -0.8;
const FORWARD_STOP = new Set([...CLAUSE_END, ',', '(', ')', 'and', 'but', 'while', 'whereas', 'as', 'after', 'than']);
/** Words after which a movement word is an attributive participle ("on slumping demand", "the falling dollar"). */
const ATTRIBUTIVE_BEFORE = new Set(['on', 'amid', 'despite', 'with', 'of', 'from', 'by', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our']);
// A subordinate clause has its own subject: in "X rose as Y fell", Y is what fell.
const BACK_STOP = new Set([...CLAUSE_END, 'as', 'because', 'after', 'amid', 'since', 'when', 'but']);
const MODIFYING_WORDS = new Set(['excluding', 'including', 'ex', 'excl', 'before', 'after', 'without', 'plus', 'minus']);
const RESULTS = new Set(['profit', 'net_profit', 'operating_profit', 'loss', 'net_loss', 'operating_loss', 'pre-tax_loss']);
const STATE_STOP = new Set([...CLAUSE_END, ',', 'from', 'versus', 'vs', 'compared', 'against', 'and', 'but']);

interface Scoring {
  units: Unit[];
  consumed: Uint8Array;
  /** Quantities that are a state reached or a baseline: never what a movement word moved. */
  reserved: Uint8Array;
  usedIntensifiers: Uint8Array;
  /** Whether the sentence has a contrast or concession word: without one every clause weighs 1. */
  clauses: boolean;
  /** Computed when the first event is weighed: many sentences have none. */
  clauseWeights: number[] | null;
  total: number;
  trace: Trace | undefined;
}

/** The unbounded tone of a sentence: the sum of its weighted events (about -3 … +3). */
export function rawSentenceScore(sentence: string, trace?: Trace): number {
  const units = sentenceUnits(sentence);
  // Each pass looks for units of a few kinds: one that finds none in the sentence is skipped.
  let marks = 0;
  for (const unit of units) marks |= unit.marks;
  const scoring: Scoring = {
    units,
    consumed: new Uint8Array(units.length),
    reserved: new Uint8Array(units.length),
    usedIntensifiers: new Uint8Array(units.length),
    clauses: (marks & MARK_CLAUSE) !== 0,
    clauseWeights: null,
    total: 0,
    trace,
  };
  if ((marks & MARK_STATE_LINK) !== 0) scoreResultStates(scoring);
  if ((marks & MARK_BASELINE_LINK) !== 0) scoreBaselines(scoring);
  scoreComparedFigures(scoring, sentence);
  if ((marks & MARK_MOVEMENT) !== 0) scoreMovements(scoring);
  if ((marks & MARK_TONE) !== 0) scoreTones(scoring);
  return scoring.total;
}

function add(scoring: Scoring, event: SentimentEvent): void {
  scoring.total += event.value;
  scoring.trace?.(event);
}

function modifierOf(scoring: Scoring, position: number): number {
  const intensity = intensityAt(scoring.units, position, scoring.usedIntensifiers);
  const clauseWeight = scoring.clauses ? ((scoring.clauseWeights ??= clauseWeightsOf(scoring.units))[position] ?? 1) : 1;
  return intensity * (isNegated(scoring.units, position) ? NEGATED : 1) * clauseWeight;
}

function scoreResultStates(scoring: Scoring): void {
  const { units } = scoring;
  for (let position = 0; position < units.length; position += 1) {
    if (((units[position] as Unit).marks & MARK_STATE_LINK) === 0) continue;
    if (position > 0 && ((units[position - 1] as Unit).marks & MARK_BASELINE_LINK) !== 0) continue;
    scoreResultState(scoring, position);
  }
}

/** The result state after the "to" or "into" at `position`, if any. */
function scoreResultState(scoring: Scoring, position: number): void {
  const { units, consumed, reserved } = scoring;
  for (let index = position + 1; index < units.length && index <= position + 9; index += 1) {
    const ahead = units[index];
    if (ahead === undefined || STATE_STOP.has(ahead.key)) return;
    if (ahead.roles.quantity === undefined) continue;
    if (!RESULTS.has(ahead.key)) return;
    consumed[index] = 1;
    reserved[index] = 1;
    for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
      if (units[back]?.roles.movement !== undefined) consumed[back] = 1;
    }
    add(scoring, { word: `to ${ahead.key}`, target: null, value: (ahead.roles.quantity ?? 0) * modifierOf(scoring, position) });
    return;
  }
}

// What follows "versus", "compared with" or "from" is the past, not news: it is settled without
// tone. A profit set against an earlier loss is a turnaround, and so is the reverse.
function scoreBaselines(scoring: Scoring): void {
  const { units } = scoring;
  for (let position = 0; position < units.length; position += 1) {
    if (((units[position] as Unit).marks & MARK_BASELINE_LINK) !== 0) scoreBaseline(scoring, position);
  }
}

/** The baseline after the link word at `position` ("versus", "compared", "from"), if any. */
function scoreBaseline(scoring: Scoring, position: number): void {
  const { units, consumed, reserved } = scoring;
  const unit = units[position] as Unit;
  const movedBefore = [1, 2, 3, 4].some((offset) => {
    const before = units[position - offset];
    return before?.roles.movement !== undefined || before?.key === 'upgrade' || before?.key === 'downgrade';
  });
  let earlier: number | null = null;
  let earlierQuantity = 0;
  for (let index = position + 1; index < units.length && index <= position + 8; index += 1) {
    const ahead = units[index];
    if (ahead === undefined || CLAUSE_END.has(ahead.key) || ahead.key === ',') break;
    // "compared to a negative EUR 15.5 mn": a negative figure is a loss.
    if (ahead.key === 'negative' && index <= position + 3) {
      earlier = index;
      earlierQuantity = -1;
      break;
    }
    if (ahead.roles.quantity !== undefined) {
      earlier = index;
      earlierQuantity = ahead.roles.quantity;
      break;
    }
    // "rebounding from yesterday's slide", "upgraded to neutral from underperform".
    if (unit.key !== 'from' || movedBefore) {
      if (ahead.roles.tone !== undefined || ahead.roles.movement?.forms.has('noun') === true) consumed[index] = 1;
    }
  }
  if (earlier === null || reserved[earlier] === 1) return;
  reserved[earlier] = 1;
  consumed[earlier] = 1;
  for (let index = position - 1; index >= 0 && index >= position - 20; index -= 1) {
    const before = units[index];
    if (before === undefined || CLAUSE_END.has(before.key)) return;
    const quantity = before.roles.quantity;
    if (quantity === undefined || quantity === 0) continue;
    if (earlierQuantity !== 0 && quantity !== earlierQuantity && consumed[index] === 0) {
      consumed[index] = 1;
      // "down from a profit": the movement word is part of the comparison.
      for (const offset of [1, 2]) if (units[position - offset]?.roles.movement !== undefined) consumed[position - offset] = 1;
      add(scoring, { word: `${before.key} versus ${units[earlier]?.key ?? ''}`, target: null, value: quantity });
    }
    return;
  }
}

function scoreComparedFigures(scoring: Scoring, sentence: string): void {
  for (const figure of comparedFigures(sentence)) {
    // The quantity's own tone ("a loss of EUR 0.4 mn compared to …") is settled by the comparison.
    scoring.units.forEach((unit, position) => {
      if (unit.key === figure.quantity) scoring.consumed[position] = 1;
    });
    add(scoring, { word: figure.description, target: figure.quantity, value: figure.value * COMPARED_WEIGHT });
  }
}

function scoreMovements(scoring: Scoring): void {
  const { units, consumed } = scoring;
  // Verbs before nouns: in "revenue growth slows", growth is what slowed, not a movement of its own.
  const order: number[] = [];
  const nouns: number[] = [];
  for (let position = 0; position < units.length; position += 1) {
    const unit = units[position] as Unit;
    if ((unit.marks & MARK_MOVEMENT) !== 0) (isNounOnly(unit) ? nouns : order).push(position);
  }
  order.push(...nouns);
  for (const position of order) {
    const unit = units[position];
    const movement = unit?.roles.movement;
    if (unit === undefined || movement === undefined || consumed[position] === 1 || !isMovementUse(units, position)) continue;
    const target = findTarget(scoring, position, movement.forms);
    let value: number;
    if (target !== null) {
      value = movement.direction * (units[target]?.roles.quantity ?? 1);
      consumed[target] = 1;
    } else if (Math.abs(unit.roles.tone ?? 0) > DEFAULT_MOVE) {
      continue; // left to the tone pass: "plunge" is bad news even when nothing is named
    } else if (hasNumberNear(units, position) || movement.forms.has('intransitive')) {
      // "rose 5%", "Acme soars": something moved though it is not named; in company news it is
      // the company's fortunes.
      value = movement.direction * DEFAULT_MOVE;
    } else {
      continue;
    }
    consumed[position] = 1;
    const targetKey = target === null ? null : (units[target]?.key ?? null);
    add(scoring, { word: unit.key, target: targetKey, value: value * modifierOf(scoring, position) });
  }
}

function isNounOnly(unit: Unit | undefined): boolean {
  const forms = unit?.roles.movement?.forms;
  return forms !== undefined && forms.size === 1 && forms.has('noun');
}

// Words whose tone stands alone. A toned word also settles a toned quantity it speaks of, so
// that "the loss improved" does not count the loss against the sentence as well.
function scoreTones(scoring: Scoring): void {
  const { units, consumed, usedIntensifiers } = scoring;
  // Toned words that are not quantities first, then toned quantities, each in sentence order.
  const toned: number[] = [];
  const tonedQuantities: number[] = [];
  for (let position = 0; position < units.length; position += 1) {
    const unit = units[position] as Unit;
    if ((unit.marks & MARK_TONE) !== 0 && consumed[position] === 0) (unit.roles.quantity === undefined ? toned : tonedQuantities).push(position);
  }
  for (const position of toned.concat(tonedQuantities)) {
    const unit = units[position] as Unit;
    if (consumed[position] === 1 || usedIntensifiers[position] === 1) continue;
    consumed[position] = 1;
    if (unit.roles.quantity === undefined) {
      const settled = nearestTonedQuantity(units, position);
      const opposite = settled !== null && Math.sign(units[settled]?.roles.tone ?? 0) !== Math.sign(unit.roles.tone ?? 0);
      if (settled !== null && opposite) consumed[settled] = 1;
    }
    add(scoring, { word: unit.key, target: null, value: (unit.roles.tone ?? 0) * modifierOf(scoring, position) });
  }
}

function isTarget(scoring: Scoring, index: number): boolean {
  const unit = scoring.units[index];
  if (unit?.roles.quantity === undefined || scoring.reserved[index] === 1) return false;
  // "profit excluding restructuring costs": the costs only qualify the profit.
  return !MODIFYING_WORDS.has(scoring.units[index - 1]?.key ?? '') && !MODIFYING_WORDS.has(scoring.units[index - 2]?.key ?? '');
}

function findTarget(scoring: Scoring, position: number, forms: ReadonlySet<MovementForm>): number | null {
  const { units } = scoring;
  const next = units[position + 1]?.key;
  const aheadFirst =
    ((forms.has('transitive') || forms.has('adjective')) && !forms.has('intransitive')) || (forms.has('noun') && (next === 'in' || next === 'of'));
  const ahead = (): number | null => {
    for (let index = position + 1; index < units.length && index <= position + AHEAD_WINDOW; index += 1) {
      const unit = units[index];
      if (unit === undefined || FORWARD_STOP.has(unit.key)) break;
      if (isTarget(scoring, index)) {
        // "growth forecast", "estimated risk": the last noun of a compound is the one that moved.
        let head = index;
        while (units[head + 1]?.roles.quantity !== undefined && isTarget(scoring, head + 1)) {
          scoring.consumed[head] = 1;
          head += 1;
        }
        return head;
      }
      if (unit.roles.movement !== undefined) break;
    }
    return null;
  };
  const back = (window: number): number | null => {
    for (let index = position - 1; index >= 0 && index >= position - window; index -= 1) {
      const unit = units[index];
      if (unit === undefined || BACK_STOP.has(unit.key) || unit.roles.clause !== undefined) break;
      if (isTarget(scoring, index)) return index;
    }
    return null;
  };
  // "posts loss on slumping demand", "amid rising costs": a movement word between a preposition or
  // determiner and a noun describes that noun (the compound's last, as above); what stands before it did not move.
  if (forms.has('intransitive') && ATTRIBUTIVE_BEFORE.has(units[position - 1]?.key ?? '') && isTarget(scoring, position + 1)) return ahead();
  const near = aheadFirst ? (ahead() ?? back(BACK_WINDOW)) : (back(BACK_WINDOW) ?? ahead());
  // "net sales were EUR 41.8 mn in the period, an increase of 11 %": the apposition speaks of
  // the quantity the sentence opened with.
  return near ?? (forms.has('noun') ? back(FAR_BACK_WINDOW) : null);
}

function nearestTonedQuantity(units: readonly Unit[], position: number): number | null {
  for (let distance = 1; distance <= 3; distance += 1) {
    for (const index of [position + distance, position - distance]) {
      const unit = units[index];
      if (unit !== undefined && unit.roles.quantity !== undefined && unit.roles.tone !== undefined) return index;
    }
  }
  return null;
}
