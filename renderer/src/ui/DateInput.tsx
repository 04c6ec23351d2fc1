import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDayMonthYear, shortDate } from '../../../shared/format/dates';

/**
 * A calendar date typed as day.month.year in both languages (issue 15): a native date input follows the
 * browser's locale (mm/dd/yyyy in an American one), so this is a plain text input with the order shown in
 * its placeholder. The form gets an ISO date (YYYY-MM-DD), or '' while what is typed is not a real date;
 * the input then tells the browser it is invalid, so the form is not sent.
 */
export function DateInput(props: { name: string; value: string; onChange: (iso: string) => void; required?: boolean; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => (props.value ? shortDate(props.value) : ''));
  // A value set from outside (a default, a reset) shows in the same order.
  useEffect(() => {
    if (props.value && parseDayMonthYear(text) !== props.value) setText(shortDate(props.value));
    // Only a change of the value from outside matters here; the text follows typing by itself.
  }, [props.value]);
  const invalid = text.trim() !== '' && parseDayMonthYear(text) === null;
  useEffect(() => input.current?.setCustomValidity(invalid ? t('dates.invalid') : ''), [invalid, t]);
  return (
    <input
      ref={input}
      name={props.name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('dates.placeholder')}
      maxLength={10}
      required={props.required}
      aria-invalid={invalid || undefined}
      aria-label={props['aria-label']}
      aria-description={t('dates.hint')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(parseDayMonthYear(e.target.value) ?? '');
      }}
    />
  );
}
