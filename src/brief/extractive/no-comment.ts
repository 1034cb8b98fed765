// A sentence that only says someone would not, or could not, comment ("The Fed could not be
// immediately reached for comment.") is newswire boilerplate: it answers no question and is no
// story's gist. A longer sentence that also carries news ("X declined to comment on the report
// that it plans to cut 3,000 jobs, or 10 percent of its staff, by March") is kept.

const NO_COMMENT = new RegExp(
  [
    String.raw`\b(?:declined|refused|declining|refusing)(?: to)? (?:immediately )?comment\b`,
    String.raw`\b(?:could|can|would)(?: not|n['’]t|not) (?:immediately )?be (?:immediately )?(?:reached|contacted) for (?:a |further |immediate )?comments?\b`,
    String.raw`\b(?:was|were|is|are)(?: not|n['’]t) (?:immediately )?available (?:for|to) (?:a |immediate )?comments?\b`,
    String.raw`\b(?:did|does|do|has|have|had)(?: not|n['’]t) (?:yet )?(?:immediately )?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?) to (?:a |an |the |multiple |several |repeated )?(?:requests?|e-?mails?|calls?|messages?|inquir(?:y|ies))(?: (?:for|seeking) comments?)?\b`,
    String.raw`\b(?:had|has|have) no (?:immediate |further )?comment\b`,
    String.raw`\b(?:no one|nobody) (?:was|could be) (?:immediately )?(?:available|reached) (?:to|for) comments?\b`,
  ].join('|'),
  'iu',
);
/** Longer than this, a sentence that declines comment says something else too. */
const MAX_WORDS = 18;

export function onlyDeclinesComment(sentence: string): boolean {
  if (!NO_COMMENT.test(sentence)) return false;
  return (sentence.match(/\S+/g)?.length ?? 0) <= MAX_WORDS;
}
