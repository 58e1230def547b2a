/**
 * Every UI string exists in every UI language (it, pl, en): same namespaces and keys, the plural forms
 * each language needs for whole numbers, the same {{placeholders}}, no empty text; and every literal
 * t('namespace:key') in the renderer exists. Failures name what is missing where.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeProblems, keyProblems, loadLocales } from './i18nCheck';

const ROOT = join(__dirname, '..', '..');

describe('UI translations', () => {
  const { byLang, problems } = loadLocales(join(ROOT, 'src-renderer', 'i18n', 'locales'));

  it('are valid JSON with no empty strings', () => {
    expect(problems).toEqual([]);
  });

  it('have the same namespaces, keys, plural forms and placeholders in it, pl and en', () => {
    expect(keyProblems(byLang)).toEqual([]);
  });

  it('contain every literal "namespace:key" the renderer code asks for', () => {
    expect(codeProblems(ROOT, join(ROOT, 'src-renderer'), byLang)).toEqual([]);
  });
});

describe('the check itself', () => {
  const fixture = join(ROOT, 'test', 'fixtures', 'templates', 'i18n-broken');
  const { byLang, problems } = loadLocales(join(fixture, 'locales'));

  it('reports missing keys, plural forms, placeholders and empty strings', () => {
    expect(problems).toEqual(['it/shop.json: "title" is empty']);
    expect(keyProblems(byLang)).toEqual([
      'it/shop.json: "items" uses {{where}} but en uses {{}}',
      'it/shop.json: missing "checkout.pay"',
      'pl/shop.json: missing plural form "items_few"',
      'pl/shop.json: missing plural form "items_many"',
      'it/extra.json is missing',
      'pl/extra.json is missing',
    ]);
  });

  it('reports keys used in code but absent from English: prefixed, under useTranslation(ns), and labels', () => {
    expect(codeProblems(fixture, join(fixture, 'src'), byLang)).toEqual([
      'src/Cart.tsx: shop:checkout.total',
      'src/Cart.tsx: shop:nav.cart',
      'src/Shop.tsx: shop:checkout.refund',
    ]);
  });
});
