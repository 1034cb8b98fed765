/** Parses an absolute http(s) URL with a host; anything else (javascript:, data:, relative, junk) is null. */
export function parseHttpUrl(text: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname === '' ? null : parsed;
}

/** "reuters.com" for "https://www.reuters.com/x": a readable name for where an article came from. */
export function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return parseHttpUrl(url)?.hostname.replace(/^www\./, '') ?? undefined;
}
