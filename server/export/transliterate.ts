/**
 * Georgian letters in the national romanization (2002), the system of Georgian passports and road signs.
 * Identifiers and ASCII file names use it, so "ბაღდათი" becomes "baghdati", not "________".
 */
// prettier-ignore
const GEORGIAN_TO_LATIN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l',
  მ: 'm', ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k',
  ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

/** Text with Georgian letters romanized; every other character is left as it is. */
export function transliterateGeorgian(text: string): string {
  return Array.from(text, (ch) => GEORGIAN_TO_LATIN[ch] ?? ch).join('');
}

/** A lower-case ASCII slug ("ozurgeti", "gifts-register") of any text, or '' when nothing is left. */
export function asciiSlug(text: string): string {
  return transliterateGeorgian(text.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
