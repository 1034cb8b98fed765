// Sentences that report an economic statistic rather than a market price: "U.S. gasoline prices
// fell 6.8 percent, the most in more than three years, the Labor Department said" is the consumer
// price index's gasoline component, not gasoline futures. A figure in such a sentence is no mover.

/** Attributed, at the sentence's end, to a statistics office: ", the Labor Department said." */
const ATTRIBUTED_TO_STATISTICS =
  /,\s+(?:the\s+)?(?:U\.S\.\s+|US\s+|federal\s+|national\s+)?(?:Labor|Labour|Commerce|Agriculture|Energy)\s+Department\s+(?:said|reported|says)\b[^,;]*$|,\s+(?:according\s+to\s+)?(?:the\s+)?(?:Census\s+Bureau|Bureau\s+of\s+Labor\s+Statistics|Office\s+for\s+National\s+Statistics|National\s+Bureau\s+of\s+Statistics|Eurostat|Statistics\s+Canada|Federal\s+Statistics\s+Office|statistics\s+(?:office|bureau|agency))(?:\s+(?:said|reported|says))?\b[^,;]*$/i;
/** Words only statistics use: markets do not adjust prices for the season. */
const STATISTICAL_WORDS = /\bseasonal(?:ly)?\s+(?:adjusted|adjustment|factors?)\b|\bnot\s+seasonally\b/i;

/** Whether the sentence reports a statistic (its figures are data, not price moves). */
export function reportsStatistic(sentence: string): boolean {
  const trimmed = sentence.trim().replace(/[.!]+["”’']?$/, '');
  return ATTRIBUTED_TO_STATISTICS.test(trimmed) || STATISTICAL_WORDS.test(sentence);
}
