import type { Writable } from 'node:stream';
import type { Publisher } from '../../ports/index.ts';
import { renderText } from './render/index.ts';

/** Scheduled briefs for the shell's one channel are printed where the replies go. */
export function createShellPublisher(output: Writable): Publisher {
  let count = 0;
  return {
    platform: 'shell',
    async post(_target, reply) {
      count += 1;
      output.write(`\n${renderText(reply)}\n`);
      return [`shell-${count}`];
    },
  };
}
