/** True for an IANA timezone this Node knows ("Asia/Hong_Kong"); the settings and /timezone check it. */
export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
