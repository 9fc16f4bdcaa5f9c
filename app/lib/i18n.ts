import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "~/locales/en";
import { ru } from "~/locales/ru";
import { DEFAULT_LOCALE, type Locale } from "~/locales/shape";

const resources = { ru: { translation: ru }, en: { translation: en } };

/**
 * One i18next instance per language, created synchronously and never switched: the language of a
 * page comes from the root loader, so server and browser render with the same instance and
 * concurrent requests in different languages cannot disturb each other.
 */
const instances = new Map<Locale, I18n>();

export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: ["ru", "en"],
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      react: { useSuspense: false },
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function getFixedT(locale: Locale): TFunction {
  return getI18n(locale).t;
}

/**
 * Form errors are either our own translation keys or messages the server already wrote for a
 * person; translate the former and show the latter as they are.
 */
export function translateMessage(t: TFunction, i18n: I18n, message: string): string {
  return i18n.exists(message) ? (t as (key: string) => string)(message) : message;
}
