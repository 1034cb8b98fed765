import { UserFacingError } from '../domain/index.ts';

/** "24h", "7d", "90m" → hours; an ISO date → hours back from now. */
export function parseSince(value: string, now: Date): number {
  const relative = /^(\d+(?:\.\d+)?)\s*([mhdw])$/i.exec(value.trim());
  if (relative !== null) {
    const amount = Number(relative[1]);
    const unit = (relative[2] ?? 'h').toLowerCase();
    const hours = unit === 'm' ? amount / 60 : unit === 'h' ? amount : unit === 'd' ? amount * 24 : amount * 168;
    if (hours > 0) return hours;
  }
  const absolute = Date.parse(value);
  if (!Number.isNaN(absolute) && absolute < now.getTime()) return (now.getTime() - absolute) / 3_600_000;
  throw new UserFacingError(`--since ${value}: expected a duration such as 24h, 7d or 90m, or a past date such as 2025-03-01`);
}
