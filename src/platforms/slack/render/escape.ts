import { parseHttpUrl } from '../../../domain/index.ts';

/**
 * Untrusted text → text Slack shows as is. Slack parses `&`, `<` and `>` as control characters
 * (`<!channel>`, `<@U…>`, `<url|label>`), so those three become entities; control and
 * bidirectional-override characters are dropped; and a bare @channel/@here/@everyone gets a word
 * joiner so no client setting can turn it into a mention.
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** As escapeSlackText, on one line (newlines would break a bullet list apart). */
export function escapeSlackLine(text: string): string {
  return escapeSlackText(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * An http(s) URL fit to sit inside `<url|label>`, or null. The characters that end or split a
 * link (`|`, `>`, `<`, spaces) are percent-encoded, and `&` is escaped as Slack expects.
 */
export function slackLinkUrl(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (parsed === null) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href.replace(/[|<> "]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/&/g, '&amp;');
}

/**
 * `<url|label>` with the label escaped, or just the escaped label when the URL is not http(s).
 * A `|` in the label is shown as `¦` so no Slack client can read it as a second separator.
 */
export function slackLink(url: string | null, label: string): string {
  const safeLabel = escapeSlackLine(label).replace(/\|/g, '¦');
  const safeUrl = url === null ? null : slackLinkUrl(url);
  if (safeUrl === null) return safeLabel;
  return safeLabel.trim() === '' ? `<${safeUrl}>` : `<${safeUrl}|${safeLabel}>`;
}
