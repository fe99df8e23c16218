import 'dayjs/locale/id';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useState } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/** How a date is written in each language: 31/12/2026 in Bahasa Indonesia, 31 Dec 2026 in English. */
export const dateFormats = { id: 'DD/MM/YYYY', en: 'D MMM YYYY' } as const;

/**
 * What a person may type: the page's own format, day/month/year with any
 * separator, or an ISO date (pasted from a sheet). A day that does not exist
 * (31/02) is no date. Returns `YYYY-MM-DD`.
 */
export function parseDate(text: string, lang: 'id' | 'en'): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(value);
  const parts = iso ? { y: iso[1]!, m: iso[2]!, d: iso[3]! } : dmy ? { y: dmy[3]!, m: dmy[2]!, d: dmy[1]! } : null;
  if (parts) {
    const date = `${parts.y}-${parts.m.padStart(2, '0')}-${parts.d.padStart(2, '0')}`;
    return dayjs(date, 'YYYY-MM-DD', true).isValid() ? date : null;
  }
  const named = dayjs(value, dateFormats[lang], lang, true);
  return named.isValid() ? named.format('YYYY-MM-DD') : null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'valueFormat' | 'dateParser' | 'locale'> & {
  /** `YYYY-MM-DD`, or empty. */
  value: string | null;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
};

/**
 * A date field written in the app's language, not the browser's: the
 * calendar and the text follow Bahasa Indonesia or English. Its value is an
 * ISO date (`YYYY-MM-DD`), or '' when empty.
 */
export function DateField({ value, onChange, min, max, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  // The calendar opens when asked (a click, or the down arrow) and closes once a date is chosen or typed in full:
  // typing a date never leaves a calendar lying over the buttons below the field.
  const [calendar, setCalendar] = useState(false);
  // An empty field's calendar opens on a month that can be chosen: today, or the nearest end of the range.
  const today = dayjs().format('YYYY-MM-DD');
  const shown = value || (max && today > max ? max : min && today < min ? min : undefined);
  return (
    <DateInput
      {...rest}
      locale={lang}
      valueFormat={dateFormats[lang]}
      placeholder={rest.placeholder ?? (lang === 'id' ? 'hh/bb/tttt' : 'd mmm yyyy')}
      dateParser={(text) => parseDate(text, lang)}
      value={value || null}
      onChange={(v) => {
        setCalendar(false);
        onChange(v ?? '');
      }}
      onClick={() => setCalendar(true)}
      onBlur={() => setCalendar(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setCalendar(false);
        if (event.key === 'ArrowDown') setCalendar(true);
      }}
      // The range only greys out the calendar's days: a date typed outside it is kept, and the server names the problem.
      getDayProps={(day) => ((min && day < min) || (max && day > max) ? { disabled: true } : {})}
      clearable={!rest.required && !rest.disabled && !rest.readOnly}
      clearButtonProps={{ 'aria-label': t('dateField.clear') }}
      popoverProps={{ withinPortal: true, opened: calendar, onDismiss: () => setCalendar(false) }}
      defaultDate={shown}
    />
  );
}
