import type { Bilingual, Language } from './language';

/** A municipality whose acts Sajaro drafts: its name in both languages and its Georgian genitive. */
export interface Municipality {
  readonly id: string;
  readonly name: Bilingual;
  /** "ოზურგეთის": the council's name is "{genitive} მუნიციპალიტეტის საკრებულო". */
  readonly genitive: string;
  readonly region: Bilingual;
}

const GURIA = { ka: 'გურია', en: 'Guria' };
const RACHA = { ka: 'რაჭა-ლეჩხუმი და ქვემო სვანეთი', en: 'Racha-Lechkhumi and Kvemo Svaneti' };
const IMERETI = { ka: 'იმერეთი', en: 'Imereti' };

/** The eight municipalities of the first users (GLOSSARY.md), preset in every form. */
export const MUNICIPALITIES: readonly Municipality[] = [
  { id: 'ozurgeti', name: { ka: 'ოზურგეთი', en: 'Ozurgeti' }, genitive: 'ოზურგეთის', region: GURIA },
  { id: 'lanchkhuti', name: { ka: 'ლანჩხუთი', en: 'Lanchkhuti' }, genitive: 'ლანჩხუთის', region: GURIA },
  { id: 'tsageri', name: { ka: 'ცაგერი', en: 'Tsageri' }, genitive: 'ცაგერის', region: RACHA },
  { id: 'ambrolauri', name: { ka: 'ამბროლაური', en: 'Ambrolauri' }, genitive: 'ამბროლაურის', region: RACHA },
  { id: 'terjola', name: { ka: 'თერჯოლა', en: 'Terjola' }, genitive: 'თერჯოლის', region: IMERETI },
  { id: 'vani', name: { ka: 'ვანი', en: 'Vani' }, genitive: 'ვანის', region: IMERETI },
  { id: 'bagdati', name: { ka: 'ბაღდათი', en: 'Bagdati' }, genitive: 'ბაღდათის', region: IMERETI },
  { id: 'khoni', name: { ka: 'ხონი', en: 'Khoni' }, genitive: 'ხონის', region: IMERETI },
];

/** The Georgian genitive by the rule of GLOSSARY.md: a name in -ი or -ა drops it and adds -ის. */
export function georgianGenitive(name: string): string {
  const trimmed = name.trim();
  return /[ია]$/.test(trimmed) ? `${trimmed.slice(0, -1)}ის` : `${trimmed}ის`;
}

/**
 * Resolves a municipality given by preset id ("bagdati") or by free entry (any name), so a municipality
 * outside the eight still gets a correct council name.
 */
export function resolveMunicipality(raw: string): Municipality {
  const preset = MUNICIPALITIES.find((m) => m.id === raw.trim().toLowerCase() || m.name.ka === raw.trim() || m.name.en.toLowerCase() === raw.trim().toLowerCase());
  if (preset) return preset;
  const name = raw.trim();
  return { id: '', name: { ka: name, en: name }, genitive: georgianGenitive(name), region: { ka: '', en: '' } };
}

/** The council's name: "ბაღდათის მუნიციპალიტეტის საკრებულო" / "Sakrebulo of Bagdati Municipality". */
export function councilName(m: Municipality, language: Language): string {
  return language === 'ka' ? `${m.genitive} მუნიციპალიტეტის საკრებულო` : `Sakrebulo of ${m.name.en} Municipality`;
}
