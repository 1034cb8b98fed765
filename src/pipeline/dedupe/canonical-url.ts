import { parseHttpUrl } from '../../domain/index.ts';
// Query parameters that only say who sent the reader (campaigns, click ids, referrers, feed tags).
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'cmpid',
  'cmp',
  'icid',
  'ncid',
  'ocid',
  'cid_source',
  'sr_share',
  'smid',
  'smtyp',
  'taid',
  'spm',
  'scm',
  'ito',
  'itm_source',
  'itm_medium',
  'itm_campaign',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'soc_src',
  'soc_trk',
  'wt.mc_id',
  'wt.mc_ev',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'feedtype',
  'feedname',
  'rss',
  'rssfeed',
  'tsrc',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'referer',
  'refsrc',
  'source_ref',
  'trk',
  'trkcampaign',
  'xtor',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  '__twitter_impression',
  'elqtrackid',
  'elqtrack',
  'sc_cid',
  'ftag',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'itm_', '_ga', 'vero_', 'oly_'];

/**
 * The form of an article URL used to recognise the same story: http(s) only (else null), host
 * lowercased, default port, fragment and credentials dropped, tracking parameters (utm_*, fbclid,
 * gclid, mc_cid, ref…) removed and the remaining query parameters sorted. The path is left as is:
 * servers may treat its case and trailing slash as meaningful.
 */
export function canonicalUrl(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (parsed === null) return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');

  const kept = [...parsed.searchParams].filter(([key]) => !isTracking(key.toLowerCase()));
  kept.sort(([leftKey, leftValue], [rightKey, rightValue]) => compare(leftKey, rightKey) || compare(leftValue, rightValue));
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}

function isTracking(key: string): boolean {
  return TRACKING_PARAMETERS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function compare(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
