import { parseArgs } from 'node:util';
import { UserFacingError } from '../domain/index.ts';

const ROLES = ['all', 'web', 'worker'] as const;

/** `market-brief start [--role all|web|worker]`: the role of this process (default all). */
export function parseStartRole(argv: string[]): (typeof ROLES)[number] {
  const { values } = parseArgs({ args: argv, options: { role: { type: 'string', default: 'all' } }, allowPositionals: false });
  const role = values.role as string;
  if (!(ROLES as readonly string[]).includes(role)) throw new UserFacingError(`--role must be all, web or worker (got "${role}")`);
  return role as (typeof ROLES)[number];
}
