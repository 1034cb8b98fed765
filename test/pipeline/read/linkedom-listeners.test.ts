import { describe, expect, it } from 'vitest';
import { loadLinkedom } from '../../../src/pipeline/read/lazy.ts';

type Listener = (event: EventLike) => void;
interface EventLike {
  type: string;
  target: unknown;
  currentTarget: unknown;
  eventPhase: number;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
  preventDefault(): void;
}
interface NodeLike {
  addEventListener(type: string, listener: Listener | { handleEvent: Listener }, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: Listener): void;
  dispatchEvent(event: unknown): boolean;
  click(): void;
}

function page() {
  const linkedom = loadLinkedom();
  const document = new linkedom.DOMParser().parseFromString('<html><body><div id="outer"><p id="inner">text</p></div></body></html>', 'text/html');
  const find = (id: string) => document.getElementById(id) as unknown as NodeLike;
  const event = (type: string, bubbles = true) => new linkedom.Event(type, { bubbles, cancelable: true });
  return { linkedom, document, outer: find('outer'), inner: find('inner'), event };
}

describe('linkedom nodes without the listener table', () => {
  it('no longer files each node in EventTarget’s table, and nodes are still event targets', () => {
    const { linkedom, document, inner } = page();
    let prototype = Object.getPrototypeOf(document);
    while (Object.getPrototypeOf(prototype) !== linkedom.EventTarget.prototype) prototype = Object.getPrototypeOf(prototype);
    expect(Object.getPrototypeOf(prototype.constructor)).not.toBe(linkedom.EventTarget);
    expect(inner).toBeInstanceOf(linkedom.EventTarget);
  });

  it('dispatches to the target, then bubbles to its parents, the document and its window', () => {
    const { document, outer, inner, event } = page();
    const seen: string[] = [];
    const note = (name: string) => (event: EventLike) => seen.push(`${name}:${(event.target as { id?: string }).id ?? '?'}:${event.eventPhase}`);
    inner.addEventListener('ping', note('inner'));
    outer.addEventListener('ping', note('outer'));
    (document as unknown as NodeLike).addEventListener('ping', note('document'));
    (document.defaultView as unknown as NodeLike).addEventListener('ping', note('window'));
    expect(inner.dispatchEvent(event('ping'))).toBe(true);
    expect(seen).toEqual(['inner:inner:2', 'outer:inner:3', 'document:inner:3', 'window:inner:3']);
    seen.length = 0;
    inner.dispatchEvent(event('ping', false));
    expect(seen).toEqual(['inner:inner:2']);
  });

  it('keeps once, removal, handleEvent objects, stopPropagation, stopImmediatePropagation and preventDefault', () => {
    const { outer, inner, event } = page();
    const seen: string[] = [];
    const first = () => seen.push('first');
    inner.addEventListener('a', () => seen.push('once'), { once: true });
    inner.addEventListener('a', first);
    inner.addEventListener('a', { handleEvent: () => seen.push('object') });
    inner.dispatchEvent(event('a'));
    inner.removeEventListener('a', first);
    inner.dispatchEvent(event('a'));
    expect(seen).toEqual(['once', 'first', 'object', 'object']);

    seen.length = 0;
    inner.addEventListener('b', (event) => {
      seen.push('stop');
      event.stopPropagation();
    });
    outer.addEventListener('b', () => seen.push('outer'));
    inner.dispatchEvent(event('b'));
    inner.addEventListener('c', (event) => {
      seen.push('immediate');
      event.stopImmediatePropagation();
      event.preventDefault();
    });
    inner.addEventListener('c', () => seen.push('never'));
    expect(inner.dispatchEvent(event('c'))).toBe(false);
    expect(seen).toEqual(['stop', 'immediate']);
  });

  it('still serves linkedom’s own events (click, onclick)', () => {
    const { outer, inner } = page();
    const seen: string[] = [];
    outer.addEventListener('click', () => seen.push('bubbled'));
    (inner as unknown as { onclick: () => void }).onclick = () => seen.push('onclick');
    inner.click();
    expect(seen).toEqual(['onclick', 'bubbled']);
  });
});
