// Dates as account managers read them: local, short, and "3 days ago" for ages, in the language of the
// screens (formatters are built once per language).
import { currentLanguage } from '../i18n/i18n';

function perLanguage<F>(build: (language: string) => F): () => F {
  const cache = new Map<string, F>();
  return () => {
    const language = currentLanguage();
    let formatter = cache.get(language);
    if (!formatter) {
      formatter = build(language);
      cache.set(language, formatter);
    }
    return formatter;
  };
}

const dateTime = perLanguage(
  (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
);
const relative = perLanguage((language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
const shortDate = perLanguage((language) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }));
const mediumDate = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }));
const clockTime = perLanguage((language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }));
const numbers = perLanguage((language) => new Intl.NumberFormat(language));

export function formatDateTime(iso: string): string {
  return dateTime().format(new Date(iso));
}

export function formatAge(iso: string, now: Date = new Date()): string {
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (Math.abs(minutes) < 60) return relative().format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative().format(hours, 'hour');
  return relative().format(Math.round(hours / 24), 'day');
}

// A compact date for dense tables: "12 Mar".
export function formatShortDate(iso: string): string {
  return shortDate().format(new Date(iso));
}

// A date without its time: "12 Mar 2027".
export function formatDate(iso: string): string {
  return mediumDate().format(new Date(iso));
}

// Whole days between a moment and now: the queue's age column.
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

// Today as YYYY-MM-DD in the user's time zone: follow-up dates are calendar days.
export function todayIsoDate(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

// A time of day for "offline since 10:04".
export function formatClockTime(iso: string): string {
  return clockTime().format(new Date(iso));
}

// A count in the language of the screens ("12.345" in German). Inside translated text use {{count, number}}.
export function formatNumber(value: number): string {
  return numbers().format(value);
}
