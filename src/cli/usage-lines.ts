// Each command's one-line usage, kept apart from the commands so `--help` and the overview load none of
// their code (the sync command alone would load discord.js).

export const BRIEF_USAGE = 'market-brief brief [--topic T]… [--since 24h] [--stories N] [--format text|markdown|json]';
export const DELIVERIES_USAGE = 'market-brief deliveries [--limit N] [--status claimed|posted|failed] [--json]';
export const FEEDS_USAGE = 'market-brief feeds add <url> [--topic T]… | list | remove <id|url> | errors | resume <id|url> | poll [<id|url>…] [--due]';
export const INGEST_USAGE = 'market-brief ingest [--json] <file|directory|->…';
export const MANIFEST_USAGE = 'manifest slack [--url https://host] [--socket]';
export const RENDER_USAGE = 'market-brief render --platform discord|slack <brief.json | ->';
export const SYNC_USAGE = 'market-brief sync discord [--guild ID | --global] [--dry-run] [--clear]';
export const USAGE_USAGE = 'market-brief usage [--days 7] [--format text|json]';
