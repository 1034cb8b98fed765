/** True for an IANA timezone this Node knows ("Asia/Hong_Kong"); the settings and /timezone check it. */
export function isValidTimezone(timezone: string): boolean {
  // The default needs no check, and creating a formatter loads ICU's time zone data: a command
  // that formats no date (`market-brief topics`) then starts without it.
  if (timezone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
