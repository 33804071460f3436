import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { vi } from './vi';

/** Vietnamese first, English second. Shared strings live here; each feature keeps its own in `i18n.ts`. */
export type Locale = 'vi' | 'en';
export type Dictionary = Record<string, string>;
export interface FeatureStrings<D extends Dictionary> {
  vi: D;
  en: Partial<D>;
}

export type SharedKey = keyof typeof vi;

const STORAGE_KEY = 'thidua.locale';
const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({ locale: 'vi', setLocale: () => {} });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** `t('key', { n: 3 })` replaces `{n}`; falls back to Vietnamese, then to the key. */
export function useT<D extends Dictionary = typeof vi>(strings?: FeatureStrings<D>) {
  const { locale } = useLocale();
  return useCallback(
    (key: (keyof D & string) | SharedKey, vars?: Record<string, string | number>) => {
      const own = strings ? (strings[locale] as Partial<Dictionary>)[key] ?? (strings.vi as Dictionary)[key] : undefined;
      const shared = (locale === 'en' ? (en as Dictionary)[key] : undefined) ?? (vi as Dictionary)[key];
      const text: string = own ?? shared ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? '')) : text;
    },
    [locale, strings],
  );
}
