// linkedom's EventTarget constructor files every node it makes (each element, attribute, text node
// and end marker) in one module-wide WeakMap, with an empty Map for the node's listeners. That
// WeakMap is old: V8's scavenger keeps the young nodes it holds alive, so the whole DOM of every
// page read was promoted to the old generation, where it waited as garbage for the next full GC
// (≈1 MB a page; `bench/ingest.ts`'s child reached 360 MB of RSS with 60 pages). With this, nodes
// are made without that entry, and every linkedom event target keeps its listeners on itself,
// created with the first one: the same listeners, dispatch and bubbling, no table of all nodes.
//
// It changes linkedom's classes in place, once, when linkedom is loaded (src/pipeline/read/lazy.ts).
// A linkedom whose nodes do not derive from its EventTarget this way is left as it is.

const LISTENERS = Symbol('listeners');

type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void };
type ListenerMap = Map<string, Map<Listener, unknown>>;

interface Target {
  [LISTENERS]?: ListenerMap;
  dispatchEvent?: unknown;
  _getParent?: () => Target | null;
}

interface EventLike {
  type: string;
  bubbles: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  _stopImmediatePropagationFlag: boolean;
  _path: Array<{ currentTarget: Target; target: Target }>;
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
}

interface LinkedomLike {
  EventTarget: abstract new () => object;
  DOMParser: new () => { parseFromString(markup: string, type: string): object };
}

/** Nodes without a listener table entry; listeners kept on each target (see the top of this file). */
export function withListenersOnTargets<T extends LinkedomLike>(linkedom: T): T {
  const { EventTarget } = linkedom;
  const document = new linkedom.DOMParser().parseFromString('<p></p>', 'text/html');
  let prototype: object | null = Object.getPrototypeOf(document) as object | null;
  while (prototype !== null && Object.getPrototypeOf(prototype) !== EventTarget.prototype) prototype = Object.getPrototypeOf(prototype) as object | null;
  const node = (prototype as { constructor?: unknown } | null)?.constructor;
  if (typeof node !== 'function' || Object.getPrototypeOf(node) !== EventTarget) return linkedom;
  // `super()` in Node's constructor calls its constructor's prototype: now one that files nothing.
  Object.setPrototypeOf(node, class NodeBase {});
  Object.assign(EventTarget.prototype, { addEventListener, removeEventListener, dispatchEvent });
  return linkedom;
}

function addEventListener(this: Target, type: string, listener: Listener, options?: unknown): void {
  this[LISTENERS] ??= new Map();
  let listeners = this[LISTENERS].get(type);
  if (listeners === undefined) this[LISTENERS].set(type, (listeners = new Map()));
  listeners.set(listener, options);
}

function removeEventListener(this: Target, type: string, listener: Listener): void {
  const listeners = this[LISTENERS]?.get(type);
  if (listeners?.delete(listener) && listeners.size === 0) this[LISTENERS]?.delete(type);
}

// As linkedom dispatches: the target and, for a bubbling event, each parent up to the document's window.
function dispatchEvent(this: Target, event: EventLike): boolean {
  event.eventPhase = event.CAPTURING_PHASE;
  for (let node: Target | null | undefined = this; node; node = event.bubbles ? node._getParent?.() : null) {
    if (node.dispatchEvent) event._path.push({ currentTarget: node, target: this });
  }
  event._path.some(invokeListeners, event);
  event._path = [];
  event.eventPhase = event.NONE;
  return !event.defaultPrevented;
}

function invokeListeners(this: EventLike, { currentTarget, target }: { currentTarget: Target; target: Target }): boolean {
  const listeners = currentTarget[LISTENERS]?.get(this.type);
  if (listeners === undefined) return false;
  this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  this.currentTarget = currentTarget;
  this.target = target;
  for (const [listener, options] of listeners) {
    if ((options as { once?: boolean } | undefined)?.once) listeners.delete(listener);
    if (typeof listener === 'function') listener.call(this.target, this);
    else listener.handleEvent(this);
    if (this._stopImmediatePropagationFlag) break;
  }
  delete this.currentTarget;
  delete this.target;
  return this.cancelBubble;
}
