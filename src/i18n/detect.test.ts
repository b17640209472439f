import { describe, expect, it } from 'vitest';
import { detectLanguage, htmlLang } from './detect.ts';

describe('detectLanguage', () => {
  it.each([['zh'], ['zh-CN'], ['zh-Hans'], ['zh-SG'], ['zh-Hans-CN'], ['ZH-cn']])(
    'picks Chinese for a browser that prefers %s',
    (tag) => expect(detectLanguage([tag, 'en-US'], null)).toBe('zh'),
  );

  it.each([['en-US'], ['en'], ['fr-FR'], ['ja'], ['zhx'], ['']])('picks English for %s', (tag) =>
    expect(detectLanguage([tag, 'zh-CN'], null)).toBe('en'),
  );

  it('picks English when the browser lists no language', () => {
    expect(detectLanguage([], null)).toBe('en');
  });

  it('lets a saved choice win over the browser, and ignores a saved value it does not know', () => {
    expect(detectLanguage(['zh-CN'], 'en')).toBe('en');
    expect(detectLanguage(['en-US'], 'zh')).toBe('zh');
    expect(detectLanguage(['zh-CN'], 'de')).toBe('zh');
  });

  it('marks the page lang so Chinese glyphs are chosen', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });
});
