import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../store/examples.ts';
import { en } from './en.ts';
import {
  currentLanguage,
  exampleTitle,
  i18n,
  i18nReady,
  registerStrings,
  setLanguage,
  stringsOf,
} from './index.ts';

describe('the i18n instance', () => {
  afterAll(() => setLanguage('en', false));

  it('starts in English (Node has no navigator languages or storage here)', async () => {
    await i18nReady;
    expect(currentLanguage()).toBe('en');
    expect(i18n.t('scenario.undo')).toBe(en.scenario.undo);
    expect(i18n.hasResourceBundle('zh', 'ui')).toBe(false);
  });

  it('loads Chinese on demand and switches every string', async () => {
    await setLanguage('zh', false);
    expect(currentLanguage()).toBe('zh');
    expect(i18n.t('scenario.undo')).toBe('撤销');
    expect(i18n.t('yaml.errors', { count: 2 })).toBe('2 个错误：场景保持上一个有效状态');
    expect(i18n.t('rules.fold', { chain: 'KUBE-SVC-ABC' })).toBe('折叠 KUBE-SVC-ABC');
  });

  it('uses English plurals in English', async () => {
    await setLanguage('en', false);
    expect(i18n.t('yaml.errors', { count: 1 })).toBe(
      '1 error: the scenario keeps its last valid state',
    );
    expect(i18n.t('yaml.errors', { count: 3 })).toMatch(/^3 errors:/);
  });

  it('serves a feature’s own {en, zh} records, as records and as a namespace', async () => {
    const records = { en: { hello: 'Hello {{who}}' }, zh: { hello: '你好 {{who}}' } };
    registerStrings('feature-x', records);
    await setLanguage('zh', false);
    expect(stringsOf(records).hello).toBe('你好 {{who}}');
    expect(i18n.t('hello', { ns: 'feature-x', who: 'Pod' } as never)).toBe('你好 Pod');
    await setLanguage('en', false);
    expect(stringsOf(records).hello).toBe('Hello {{who}}');
  });

  it('titles every example in Chinese, and keeps the file title in English', async () => {
    await setLanguage('zh', false);
    expect(EXAMPLES.length).toBeGreaterThan(0);
    for (const ex of EXAMPLES) {
      const zh = exampleTitle(ex.id, ex.title, 'zh');
      expect(zh, `${ex.id} has no Chinese title in zh.ts`).not.toBe(ex.title);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(exampleTitle(ex.id, ex.title, 'en')).toBe(ex.title);
    }
    expect(exampleTitle('no-such-example', 'Fallback', 'zh')).toBe('Fallback');
    await setLanguage('en', false);
  });
});
