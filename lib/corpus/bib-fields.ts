/**
 * Bibliographic fields every database format shares: DOIs, countries in affiliation addresses,
 * and the normalized key of a cited reference (as bibliometrix and VOSviewer build it).
 */
import { foldAccents } from './normalize-text';
import type { RawReference } from './raw-record';

const DOI_IN_TEXT = /10\.\d{4,9}\/\S+/;

/**
 * A DOI in its comparison form: lower case, no `https://doi.org/`, `doi:` or `DOI ` prefix, no
 * trailing punctuation. Returns null when the text holds no DOI (`10.` + registrant + `/` + suffix).
 */
export function normalizeDoi(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const m = DOI_IN_TEXT.exec(text.trim());
  if (m === null) return null;
  let doi = m[0].toLowerCase();
  try {
    if (doi.includes('%')) doi = decodeURIComponent(doi);
  } catch {
    // Not percent-encoding after all: keep as written.
  }
  doi = doi.replace(/[.,;:)\]}>'"]+$/, '');
  return doi.length > 8 ? doi : null;
}

/** Countries by the names databases write them in addresses, lower-cased → the name we show. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = buildCountryNames();

function buildCountryNames(): Record<string, string> {
  const canonical = [
    'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria',
    'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin',
    'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso',
    'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Congo', 'Costa Rica',
    'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Denmark', 'Dominican Republic', 'Ecuador', 'Egypt',
    'El Salvador', 'Estonia', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany',
    'Ghana', 'Greece', 'Guatemala', 'Guinea', 'Haiti', 'Honduras', 'Hong Kong', 'Hungary', 'Iceland', 'India',
    'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Ivory Coast', 'Jamaica', 'Japan', 'Jordan',
    'Kazakhstan', 'Kenya', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Libya', 'Liechtenstein',
    'Lithuania', 'Luxembourg', 'Macao', 'Madagascar', 'Malawi', 'Malaysia', 'Mali', 'Malta', 'Mauritius',
    'Mexico', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia',
    'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia',
    'Norway', 'Oman', 'Pakistan', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines',
    'Poland', 'Portugal', 'Puerto Rico', 'Qatar', 'Romania', 'Russia', 'Rwanda', 'Saudi Arabia', 'Senegal',
    'Serbia', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South Korea',
    'Spain', 'Sri Lanka', 'Sudan', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania',
    'Thailand', 'Togo', 'Trinidad and Tobago', 'Tunisia', 'Turkey', 'Turkmenistan', 'Uganda', 'Ukraine',
    'United Arab Emirates', 'United Kingdom', 'United States', 'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam',
    'Yemen', 'Zambia', 'Zimbabwe',
  ];
  const out: Record<string, string> = {};
  for (const c of canonical) out[c.toLowerCase()] = c;
  const aliases: Record<string, string> = {
    usa: 'United States', 'u.s.a.': 'United States', us: 'United States', 'united states of america': 'United States',
    uk: 'United Kingdom', 'u.k.': 'United Kingdom', england: 'United Kingdom', scotland: 'United Kingdom',
    wales: 'United Kingdom', 'north ireland': 'United Kingdom', 'northern ireland': 'United Kingdom', 'great britain': 'United Kingdom',
    'peoples r china': 'China', "people's republic of china": 'China', 'pr china': 'China', 'p.r. china': 'China', 'p. r. china': 'China', prc: 'China',
    'south korea': 'South Korea', 'korea': 'South Korea', 'republic of korea': 'South Korea', 'rep of korea': 'South Korea', 'korea, republic of': 'South Korea',
    'dem people s r korea': 'North Korea', 'russian federation': 'Russia', 'czechia': 'Czech Republic', 'the netherlands': 'Netherlands',
    'turkiye': 'Turkey', 'türkiye': 'Turkey', 'viet nam': 'Vietnam', 'iran, islamic republic of': 'Iran', 'islamic republic of iran': 'Iran',
    'u arab emirates': 'United Arab Emirates', uae: 'United Arab Emirates', 'cote ivoire': 'Ivory Coast', "cote d'ivoire": 'Ivory Coast',
    'bosnia & herceg': 'Bosnia and Herzegovina', 'trinid & tobago': 'Trinidad and Tobago', 'papua n guinea': 'Papua New Guinea',
    'macedonia': 'North Macedonia', 'dem rep congo': 'Congo', 'taiwan, province of china': 'Taiwan', 'hong kong sar': 'Hong Kong',
  };
  for (const [k, v] of Object.entries(aliases)) out[k] = v;
  return out;
}

/** US state abbreviations as WoS writes them at the end of an address (`Stanford, CA 94305 USA`). */
const US_STATE_ZIP = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*(?:USA)?$/;

/**
 * The country named at the end of an affiliation address (`…, Antwerp, Belgium.`, `…, CA 94305 USA`,
 * `… Peoples R China`), or null when the last part is no country we know.
 */
export function parseCountry(address: string): string | null {
  const s = address.trim().replace(/[.;]+$/, '');
  if (s === '') return null;
  const parts = s.split(',');
  const last = foldAccents(parts[parts.length - 1]).trim();
  const lower = last.toLowerCase();
  const direct = COUNTRY_NAMES[lower];
  if (direct !== undefined) return direct;
  if (US_STATE_ZIP.test(last) || /\bUSA$/.test(last)) return 'United States';
  // `B-2000 Antwerp Belgium`, `Beijing 100084 Peoples R China`: try the last one to four words.
  const words = lower.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const tail = words.slice(words.length - k).join(' ');
    const hit = COUNTRY_NAMES[tail];
    if (hit !== undefined) return hit;
  }
  return null;
}

/** Surname of a name as written in a reference (`Smith J`, `Smith, J.`, `J. Smith`, `SMITH JA`). */
export function buildSurnameKey(name: string): string {
  const s = foldAccents(name).trim();
  let surname: string;
  if (s.includes(',')) surname = s.split(',')[0];
  else {
    const words = s.split(/\s+/).filter(Boolean);
    // `Smith J` / `Smith JA` (WoS): the last word is initials; `John Smith`: the last word is the surname.
    if (words.length >= 2 && /^[A-Z]{1,3}\.?$/.test(words[words.length - 1].replace(/\./g, ''))) surname = words.slice(0, -1).join(' ');
    else surname = words[words.length - 1] ?? '';
  }
  return surname.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The normalized key of a cited reference: `doi:10.x/y` when it has a DOI, else `<scheme>:<id>` for
 * a paper id (OpenAlex, S2, PMID, …), else first author's surname + year + volume + first page
 * (`smith|2019|v114|p1`), as WoS writes its `CR` lines and bibliometrix and VOSviewer compare them;
 * without volume and page, surname + year + source (`smith|2019|nature`). Sources are left out of
 * the first form because services abbreviate them differently (`J AM STAT ASSOC` and `Journal of the
 * American Statistical Association`). Null when the reference says too little to be matched.
 */
export function buildReferenceKey(ref: RawReference): string | null {
  const doi = normalizeDoi(ref.doi ?? null);
  if (doi !== null) return `doi:${doi}`;
  const id = ref.ids?.[0];
  if (id !== undefined && id.value.trim() !== '') return `${id.scheme}:${id.value.trim().toLowerCase()}`;
  const surname = ref.firstAuthor ? buildSurnameKey(ref.firstAuthor) : '';
  const year = ref.year ?? null;
  if (surname === '' || year === null) return null;
  const source = ref.source ? foldAccents(ref.source).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  const volume = ref.volume ? ref.volume.trim().toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  const page = ref.page ? ref.page.trim().toLowerCase().replace(/^p+\.?\s*/, '').split(/[-–]/)[0].replace(/[^a-z0-9]/g, '') : '';
  if (volume !== '' || page !== '') return `${surname}|${year}|v${volume}|p${page}`;
  if (source === '') return null;
  return `${surname}|${year}|${source}`;
}

/** Parses a count (`'12'`, `12`, `' 7 '`); null for anything else. */
export function parseCount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
