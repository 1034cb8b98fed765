// Background told in an article: a move placed in a year before the article's last is no news.

/** A year the sentence places something in ("in 1995", "back in March 2001", "during 2007"); "since 2003" compares instead. */
const PLACED_IN_YEAR =
  /\b(?:in|during|of)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b/gi;

/**
 * Whether a sentence tells of a year before its article's last ("in 1995 Japanese manufacturers
 * shifted production … after the dollar fell below 90 yen" in 2008): background, not the move the
 * news reports. Last year is still news in January's reviews ("gold rose 5% in 2008"). A question
 * that names a year asks for history, and is not passed here.
 */
export function tellsHistory(sentence: string, publishedAt: string | null): boolean {
  if (publishedAt === null) return false;
  const published = new Date(publishedAt).getUTCFullYear();
  for (const found of sentence.matchAll(PLACED_IN_YEAR)) if (Number(found[1]) < published - 1) return true;
  return false;
}
