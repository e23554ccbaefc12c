/**
 * Pasted error text is reflowed, retyped, localised in its punctuation and full of volatile
 * parts (GUIDs, timestamps, tracking ids, server and user names). Both the input and every known
 * text go through the same normalisation, so what is left to compare is the stable wording.
 */

const GUID = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi;
/** Placeholders in documentation (xxxxxxxx-xxxx-…, {0}, <tenant>, <IP Address>). */
const PLACEHOLDER = /\bx{4,}(?:-x{4,})*\b|\{\d+\}|<[^<>\n]{1,40}>/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?z?\b/gi;
const US_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?/gi;
const CLOCK = /\[?\b\d{1,2}:\d{2}:\d{2}(?:[.:]\d+)?\b\]?/g;
const EMAIL = /\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b/g;
/** Host names: dotted names ending in a common TLD (a .NET type name ends in its class name instead). */
const FQDN = /\b(?:[a-z0-9-]+\.)+(?:com|net|org|local|lan|corp|internal|intra|int|ad|io|de|uk|fr|nl|ch|be|dk|se|no|fi|it|es|au|ca|us)\b/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

/** Case-folded text with volatile parts replaced by neutral words and whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(GUID, ' guid ')
    .replace(ISO_TIME, ' ')
    .replace(US_DATE, ' ')
    .replace(CLOCK, ' ')
    .replace(EMAIL, ' upn ')
    .replace(IPV4, ' ip ')
    .replace(FQDN, ' host ')
    .replace(PLACEHOLDER, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP = new Set(
  'the a an and or of to in on for is are was were be been this that with by as at from it its not no into your you can could may might will would should has have had do does did than then there these those which who what when where why how all any each other such only own same so too very just but if else also our their them they we he she his her'.split(
    ' ',
  ),
);

/** Content words of normalised text: letters/digits runs of 3+ characters that are not stop words. */
export function contentWords(normalized: string): string[] {
  return normalized.split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !STOP.has(w));
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}
