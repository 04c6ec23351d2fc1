import type { Language } from './language';

const KA_MONTHS = ['იანვარი', 'თებერვალი', 'მარტი', 'აპრილი', 'მაისი', 'ივნისი', 'ივლისი', 'აგვისტო', 'სექტემბერი', 'ოქტომბერი', 'ნოემბერი', 'დეკემბერი'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(raw: string): boolean {
  const m = ISO_DATE.exec(raw);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * A date as an act writes it: "2026 წლის 15 სექტემბერი" / "15 September 2026". Input that is not an
 * ISO date is returned unchanged, so free text typed by a user survives.
 */
export function formatActDate(iso: string, language: Language): string {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return language === 'ka' ? `${year} წლის ${day} ${KA_MONTHS[month - 1]}` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}
