/** Typed keys: `t('rules.fold', { chain })` is checked against en.ts at compile time. */
import 'i18next';
import type { en } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof en };
    returnNull: false;
  }
}
