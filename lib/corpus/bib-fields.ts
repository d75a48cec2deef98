/**
 * Bibliographic fields every database format shares: DOIs, countries in affiliation addresses,
 * and the normalized key of a cited reference (as bibliometrix and VOSviewer build it).
 */
import { foldAccents } from './normalize-text';
import type { PaperIdentifier, RawReference } from './raw-record';

const DOI_IN_TEXT = /10\.\d{4,9}\/\S+/;

/**
 * A DOI in its comparison form: lower case, no `https://doi.org/`, `doi:` or `DOI ` prefix, no
 * trailing punctuation. Returns null when the text holds no DOI (`10.` + registrant + `/` + suffix).
 */
export function normalizeDoi(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  let doi: string;
  // Most DOIs come bare from a DOI field (`10.1016/j.x.2019.01.002`): no search needed, and
  // those already in lower case without `%` or trailing punctuation need no new string either.
  if (text.startsWith('10.') && isBareDoi(text)) {
    if (isFinalDoi(text)) return text;
    doi = text.toLowerCase();
  } else {
    const m = DOI_IN_TEXT.exec(text);
    if (m === null) return null;
    doi = m[0].toLowerCase();
  }
  if (doi.includes('%')) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // Not percent-encoding after all: keep as written.
    }
  }
  let end = doi.length;
  while (end > 0 && TRAILING.has(doi.charCodeAt(end - 1))) end--;
  if (end < doi.length) doi = doi.slice(0, end);
  return doi.length > 8 && doi.indexOf('/') > 3 ? doi : null;
}

/** Punctuation that ends a sentence or a list around a DOI, never its last character. */
const TRAILING = new Set(Array.from('.,;:)]}>\'"', (c) => c.charCodeAt(0)));

/** Characters a DOI's comparison form has none of: capitals, `%`, anything beyond ASCII. */
const NOT_FINAL_DOI_CHAR = /[A-Z%\u0080-\uffff]/;

/**
 * True for a bare DOI that is already in its comparison form: no upper case, no `%`, no trailing
 * punctuation, long enough. (Regular expressions here and in isBareDoi: a loop over the characters
 * took two to three times as long, and this runs on every cited reference with a DOI.)
 */
function isFinalDoi(doi: string): boolean {
  const n = doi.length;
  return n > 8 && !TRAILING.has(doi.charCodeAt(n - 1)) && !NOT_FINAL_DOI_CHAR.test(doi);
}

/** `10.` + four to nine digits + `/` + a suffix without white space or control characters. */
const BARE_DOI = /^10\.\d{4,9}\/[^\x00-\x20]+$/;

/** True for `10.` + digits + `/` + a suffix without white space. */
function isBareDoi(text: string): boolean {
  return BARE_DOI.test(text);
}

/** Countries by the names databases write them in addresses, lower-cased → the name we show. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = buildCountryNames();

function buildCountryNames(): Record<string, string> {
  const canonical = [
    'Afghanistan',
    'Albania',
    'Algeria',
    'Andorra',
    'Angola',
    'Argentina',
    'Armenia',
    'Australia',
    'Austria',
    'Azerbaijan',
    'Bahamas',
    'Bahrain',
    'Bangladesh',
    'Barbados',
    'Belarus',
    'Belgium',
    'Belize',
    'Benin',
    'Bhutan',
    'Bolivia',
    'Bosnia and Herzegovina',
    'Botswana',
    'Brazil',
    'Brunei',
    'Bulgaria',
    'Burkina Faso',
    'Burundi',
    'Cambodia',
    'Cameroon',
    'Canada',
    'Chad',
    'Chile',
    'China',
    'Colombia',
    'Congo',
    'Costa Rica',
    'Croatia',
    'Cuba',
    'Cyprus',
    'Czech Republic',
    'Denmark',
    'Dominican Republic',
    'Ecuador',
    'Egypt',
    'Equatorial Guinea',
    'Guinea-Bissau',
    'South Sudan',
    'Caribbean Netherlands',
    'Eswatini',
    'El Salvador',
    'Estonia',
    'Ethiopia',
    'Fiji',
    'Finland',
    'France',
    'Gabon',
    'Gambia',
    'Georgia',
    'Germany',
    'Ghana',
    'Greece',
    'Guatemala',
    'Guinea',
    'Haiti',
    'Honduras',
    'Hong Kong',
    'Hungary',
    'Iceland',
    'India',
    'Indonesia',
    'Iran',
    'Iraq',
    'Ireland',
    'Israel',
    'Italy',
    'Ivory Coast',
    'Jamaica',
    'Japan',
    'Jordan',
    'Kazakhstan',
    'Kenya',
    'Kuwait',
    'Kyrgyzstan',
    'Laos',
    'Latvia',
    'Lebanon',
    'Libya',
    'Liechtenstein',
    'Lithuania',
    'Luxembourg',
    'Macao',
    'Madagascar',
    'Malawi',
    'Malaysia',
    'Mali',
    'Malta',
    'Mauritius',
    'Mexico',
    'Moldova',
    'Monaco',
    'Mongolia',
    'Montenegro',
    'Morocco',
    'Mozambique',
    'Myanmar',
    'Namibia',
    'Nepal',
    'Netherlands',
    'New Zealand',
    'Nicaragua',
    'Niger',
    'Nigeria',
    'North Korea',
    'North Macedonia',
    'Norway',
    'Oman',
    'Pakistan',
    'Palestine',
    'Panama',
    'Papua New Guinea',
    'Paraguay',
    'Peru',
    'Philippines',
    'Poland',
    'Portugal',
    'Puerto Rico',
    'Qatar',
    'Romania',
    'Russia',
    'Rwanda',
    'Saudi Arabia',
    'Senegal',
    'Serbia',
    'Sierra Leone',
    'Singapore',
    'Slovakia',
    'Slovenia',
    'Somalia',
    'South Africa',
    'South Korea',
    'Spain',
    'Sri Lanka',
    'Sudan',
    'Sweden',
    'Switzerland',
    'Syria',
    'Taiwan',
    'Tajikistan',
    'Tanzania',
    'Thailand',
    'Togo',
    'Trinidad and Tobago',
    'Tunisia',
    'Turkey',
    'Turkmenistan',
    'Uganda',
    'Ukraine',
    'United Arab Emirates',
    'United Kingdom',
    'United States',
    'Uruguay',
    'Uzbekistan',
    'Venezuela',
    'Vietnam',
    'Yemen',
    'Zambia',
    'Zimbabwe',
  ];
  const out: Record<string, string> = {};
  for (const c of canonical) out[c.toLowerCase()] = c;
  const aliases: Record<string, string> = {
    usa: 'United States',
    'u.s.a.': 'United States',
    us: 'United States',
    'united states of america': 'United States',
    uk: 'United Kingdom',
    'u.k.': 'United Kingdom',
    england: 'United Kingdom',
    scotland: 'United Kingdom',
    wales: 'United Kingdom',
    'north ireland': 'United Kingdom',
    'northern ireland': 'United Kingdom',
    'great britain': 'United Kingdom',
    'peoples r china': 'China',
    "people's republic of china": 'China',
    'pr china': 'China',
    'p.r. china': 'China',
    'p. r. china': 'China',
    prc: 'China',
    'south korea': 'South Korea',
    korea: 'South Korea',
    'republic of korea': 'South Korea',
    'rep of korea': 'South Korea',
    'korea, republic of': 'South Korea',
    'dem people s r korea': 'North Korea',
    'russian federation': 'Russia',
    czechia: 'Czech Republic',
    'the netherlands': 'Netherlands',
    turkiye: 'Turkey',
    türkiye: 'Turkey',
    'viet nam': 'Vietnam',
    'iran, islamic republic of': 'Iran',
    'islamic republic of iran': 'Iran',
    'u arab emirates': 'United Arab Emirates',
    uae: 'United Arab Emirates',
    'cote ivoire': 'Ivory Coast',
    "cote d'ivoire": 'Ivory Coast',
    'bosnia & herceg': 'Bosnia and Herzegovina',
    'trinid & tobago': 'Trinidad and Tobago',
    'papua n guinea': 'Papua New Guinea',
    macedonia: 'North Macedonia',
    'dem rep congo': 'Congo',
    'taiwan, province of china': 'Taiwan',
    'hong kong sar': 'Hong Kong',
  };
  for (const [k, v] of Object.entries(aliases)) out[k] = v;
  return out;
}

const TRAILING_EMAIL = /[\s.,;]*(?:electronic address:\s*)?[^\s@]+@[^\s@]+\s*$/i;

/** US state abbreviations as WoS writes them at the end of an address (`Stanford, CA 94305 USA`). */
const US_STATE_ZIP = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*(?:USA)?$/;

/**
 * The country named at the end of an affiliation address (`…, Antwerp, Belgium.`, `…, CA 94305 USA`,
 * `… Peoples R China`), or null when the last part is no country we know.
 */
export function parseCountry(address: string): string | null {
  let s = address.trim();
  // PubMed addresses end with the author's e-mail (`…, Canada. jd@ubc.ca.`, `Electronic address: x@y.org`).
  for (let i = 0; i < 3 && s.includes('@'); i++) s = s.replace(TRAILING_EMAIL, '');
  s = s.replace(/[.;]+$/, '');
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
export function referenceSurnameKey(name: string): string {
  const fast = asciiSurnameKey(name);
  if (fast !== null) return fast;
  const s = foldAccents(name).trim();
  let surname: string;
  const comma = s.indexOf(',');
  if (comma >= 0) surname = s.slice(0, comma);
  else {
    const space = s.lastIndexOf(' ');
    const last = space < 0 ? s : s.slice(space + 1);
    // `Smith J` / `Smith JA` (WoS): the last word is initials; `John Smith`: the last word is the surname.
    surname = space > 0 && isInitials(last) ? s.slice(0, space) : last;
  }
  return lettersLower(surname);
}

/**
 * `referenceSurnameKey` of a name of printable ASCII whose surname is letters only (`Smith J`,
 * `SMITH JA`, `Smith, J.`): the same key without the general path's copies; null for any other
 * name. Runs once per cited reference, millions of times in a large export.
 */
function asciiSurnameKey(name: string): string | null {
  let start = 0;
  let end = name.length;
  while (start < end && name.charCodeAt(start) === 32) start++;
  while (end > start && name.charCodeAt(end - 1) === 32) end--;
  let comma = -1;
  let space = -1;
  for (let i = start; i < end; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c > 126) return null;
    if (c === 44) {
      comma = i;
      break;
    }
    if (c === 32) space = i;
  }
  let from = start;
  let to = end;
  if (comma >= 0) to = comma;
  else if (space > start) {
    // `Smith J` / `Smith JA` (WoS): the last word is initials; `John Smith`: the last word is the surname.
    if (isInitialsAt(name, space + 1, end)) to = space;
    else from = space + 1;
  } else if (space === start) from = space + 1;
  let upper = false;
  for (let i = from; i < to; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c < 97 || c > 122) return null;
  }
  const surname = from === 0 && to === name.length ? name : name.slice(from, to);
  return upper ? surname.toLowerCase() : surname;
}

/** `isInitials` of `text[from, to)`. */
function isInitialsAt(text: string, from: number, to: number): boolean {
  let letters = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c !== 46) return false;
  }
  return letters >= 1 && letters <= 3;
}

/** One to three capital letters, dots allowed: `J`, `JA`, `J.A.`. */
function isInitials(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c !== 46) return false;
  }
  return letters >= 1 && letters <= 3;
}

const NOT_LETTER = /[^a-z]+/g;
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/** The ASCII letters (or letters and digits) of a text, lower-cased. */
function lettersLower(text: string, digits = false): string {
  // Most parts are already clean (`smith`, `114`): one scan, no new string, no case mapping.
  let clean = true;
  for (let i = 0; i < text.length && clean; i++) {
    const c = text.charCodeAt(i);
    clean = (c >= 97 && c <= 122) || (digits && c >= 48 && c <= 57);
  }
  if (clean) return text;
  const lower = text.toLowerCase();
  // Most parts are already clean (`smith`, `114`): one scan, no new string.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (digits && c >= 48 && c <= 57)))
      return lower.replace(digits ? NOT_LETTER_OR_DIGIT : NOT_LETTER, '');
  }
  return lower;
}

/** `text` from `from` on, without a leading `v`/`vol.`/`p`/`pp.` marker and spaces, up to a dash. */
function stripMarker(text: string, marker: 'v' | 'p'): string {
  let i = 0;
  const n = text.length;
  while (i < n && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i) | 32;
  if (c === marker.charCodeAt(0)) {
    let j = i + 1;
    if (marker === 'v' && text.startsWith('ol', j)) j += 2;
    else if (marker === 'p') while (j < n && (text.charCodeAt(j) | 32) === 112) j++;
    // Only a marker when a dot, space or digit follows (`V114`, `pp. 1`), not a word (`Vision`).
    const next = text.charCodeAt(j);
    if (next === 46 || next === 32 || (next >= 48 && next <= 57)) {
      i = j;
      while (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 32)) i++;
    }
  }
  let end = i;
  while (end < n && text.charCodeAt(end) !== 45 && text.charCodeAt(end) !== 0x2013) end++;
  return i === 0 && end === n ? text : text.slice(i, end);
}

/**
 * The key of a cited reference from its parts: first author's surname + year + volume + first page
 * (`smith|2019|v114|p1`), as WoS writes its `CR` lines and bibliometrix and VOSviewer compare them;
 * without volume and page, surname + year + source (`smith|2019|nature`). Sources are left out of
 * the first form because services abbreviate them differently (`J AM STAT ASSOC` and `Journal of the
 * American Statistical Association`). Null when the reference says too little to be matched.
 */
export function referencePartsKey(
  ref: Pick<RawReference, 'firstAuthor' | 'year' | 'volume' | 'page' | 'source'>,
): string | null {
  const year = ref.year ?? null;
  if (!ref.firstAuthor || year === null) return null;
  const surname = referenceSurnameKey(ref.firstAuthor);
  if (surname === '') return null;
  const volume = ref.volume ? lettersLower(stripMarker(ref.volume, 'v'), true) : '';
  const page = ref.page ? lettersLower(stripMarker(ref.page, 'p'), true) : '';
  if (volume !== '' || page !== '') return `${surname}|${year}|v${volume}|p${page}`;
  const source = ref.source ? lettersLower(foldAccents(ref.source), true) : '';
  return source === '' ? null : `${surname}|${year}|${source}`;
}

/**
 * The normalized key of a cited reference: `doi:10.x/y` when it has a DOI, else `<scheme>:<id>` for
 * a paper id (OpenAlex, S2, PMID, …), else its parts key ({@link referencePartsKey}). Takes the
 * DOI already normalized and the parts key already built, which the caller needs anyway.
 */
export function referenceKey(
  doi: string | null,
  ids: readonly PaperIdentifier[],
  partsKey: string | null,
): string | null {
  if (doi !== null) return `doi:${doi}`;
  const id = ids[0];
  if (id !== undefined && id.value !== '') return `${id.scheme}:${id.value.toLowerCase()}`;
  return partsKey;
}

/** Parses a count (`'12'`, `12`, `' 7 '`); null for anything else. */
export function parseCount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
