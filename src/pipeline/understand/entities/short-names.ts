import { nameKey, type ReferenceIndex } from '../reference/index.ts';
import { companyAliases } from './names.ts';
import { ORGANISATION_TYPES } from './open-names.ts';
import { COMPANY_HEADS, GENERIC_MODIFIERS, PLACES } from './open-words.ts';

/**
 * Whether `query` is a short form of the stored organisation name `name`, as a reference company is found by its
 * aliases: the name without its legal suffix or corporate heads ("Zorvath Robotics Inc" → "Zorvath Robotics",
 * "Quill Capital Partners" → "Quill"), or its distinctive first word when that is no everyday word, place,
 * personal name or other organisation ("Zorvath").
 */
export function isShortNameOf(query: string, name: string, index: ReferenceIndex): boolean {
  const wanted = nameKey(query);
  if (wanted === '') return false;
  const asked = [wanted, ...companyAliases([query]).map((form) => nameKey(form))];
  const forms = new Set(companyAliases([name]).map((form) => nameKey(form)));
  forms.add(nameKey(name));
  const words = nameKey(name).split(' ');
  let end = words.length;
  while (end > 1 && COMPANY_HEADS.has(words[end - 1] ?? '')) {
    end -= 1;
    forms.add(words.slice(0, end).join(' '));
  }
  if (asked.some((form) => forms.has(form))) return true;
  const opening = words[0] ?? '';
  return (
    words.length >= 2 &&
    wanted === opening &&
    opening.length >= 3 &&
    !index.isCommonWord(opening) &&
    !index.isPersonalName(opening) &&
    !GENERIC_MODIFIERS.has(opening) &&
    !PLACES.has(opening) &&
    !index.byNameKey(opening).some((known) => ORGANISATION_TYPES.has(known.type))
  );
}
