import type { ReferenceEntity } from '../reference/index.ts';

/** One word of the names found in an article; `entity` is set where a name ends (the first one recorded wins). */
export interface AliasNode {
  next: Map<string, AliasNode> | null;
  entity: ReferenceEntity | null;
}

/**
 * The article's names as a trie of token keys, so that finding the longest one starting at a word costs its
 * length, not the number of names that share its first word (a hostile text can remember thousands).
 */
export function aliasTrie(aliases: ReadonlyMap<string, ReadonlyArray<{ keys: readonly string[]; entity: ReferenceEntity }>>): Map<string, AliasNode> {
  const roots = new Map<string, AliasNode>();
  for (const [first, list] of aliases) {
    for (const { keys, entity } of list) {
      let node = roots.get(first);
      if (node === undefined) {
        node = { next: null, entity: null };
        roots.set(first, node);
      }
      for (let offset = 1; offset < keys.length; offset += 1) {
        const key = keys[offset] as string;
        node.next ??= new Map();
        let child = node.next.get(key);
        if (child === undefined) {
          child = { next: null, entity: null };
          node.next.set(key, child);
        }
        node = child;
      }
      node.entity ??= entity;
    }
  }
  return roots;
}
