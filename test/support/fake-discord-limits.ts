/**
 * Discord's message limits, checked the way Discord's API does before it accepts a message
 * (it answers 400 "Invalid Form Body", code 50035, otherwise). Lengths are UTF-16 units, which
 * is never less than what Discord counts.
 */

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
};

/** Every limit a message body breaks, as readable problems (empty when Discord would accept it). */
export function messageLimitProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) return ['body is not a JSON object'];
  const record = body as { content?: unknown; embeds?: unknown };
  const content = typeof record.content === 'string' ? record.content : '';
  if (content.length > LIMITS.content) problems.push(`content ${content.length} > ${LIMITS.content}`);
  const embeds = (Array.isArray(record.embeds) ? record.embeds : []) as EmbedLike[];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds > ${LIMITS.embeds}`);
  if (content === '' && embeds.length === 0 && !('attachments' in record)) problems.push('empty message');
  let total = 0;
  embeds.forEach((embed, index) => {
    const check = (what: string, text: string | undefined, limit: number): void => {
      const length = text?.length ?? 0;
      total += length;
      if (length > limit) problems.push(`embed ${index} ${what} ${length} > ${limit}`);
    };
    check('title', embed.title, LIMITS.title);
    check('description', embed.description, LIMITS.description);
    check('footer', embed.footer?.text, LIMITS.footer);
    check('author', embed.author?.name, LIMITS.author);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`embed ${index} has ${fields.length} fields > ${LIMITS.fields}`);
    for (const field of fields) {
      check('field name', field.name, LIMITS.fieldName);
      check('field value', field.value, LIMITS.fieldValue);
    }
  });
  if (total > LIMITS.total) problems.push(`embeds total ${total} > ${LIMITS.total}`);
  return problems;
}
