// The portal's forms say what is wrong in the company's language: the API's own zod schemas
// validate what the form would send, and each issue becomes the portal's message, here in
// Korean and in English, for the same input.
import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '../../../api/portal/company-schemas.ts';
import { ProductInputSchema } from '../../../api/portal/product-schemas.ts';
import { createTranslator } from '../../i18n/format.ts';
import { dictionaries } from '../../i18n/index.ts';
import { emptyProductForm, toProductInput } from './product-form.ts';
import { foldListPaths, issuesToErrors, translateApiErrors } from './validation.ts';

const t = { ko: createTranslator('ko', dictionaries.ko, dictionaries.en), en: createTranslator('en', dictionaries.en) };

/** A product form with the mistakes a company makes while typing. */
function badProduct() {
  const f = emptyProductForm();
  f.pavilion = 'beauty';
  f.texts.en.name = 'Celadon tea set';
  f.hsCode = '69';
  f.moq = '50';
  f.price = { ...f.price, min: '45', max: '20', unit: 'set' };
  f.exportMarkets = 'us, germany';
  return toProductInput(f);
}

function errorsIn(locale: 'ko' | 'en', schema: typeof ProductInputSchema | typeof CompanyProfileSchema, input: unknown, lists: string[] = []) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return issuesToErrors(t[locale], parsed.error!.issues, foldListPaths(lists));
}

describe('product form errors', () => {
  it('in Korean', () => {
    expect(errorsIn('ko', ProductInputSchema, badProduct(), ['exportMarkets'])).toEqual({
      'texts.ko.name': '필수 항목입니다.',
      hsCode: 'HS 코드는 4~10자리 숫자입니다.',
      moqUnit: 'MOQ 단위를 입력하세요 (pieces, boxes, kg 등).',
      'priceTerms.max': '최저 가격이 최고 가격보다 클 수 없습니다.',
      exportMarkets: '두 글자 ISO 국가 코드를 사용하세요. 예: US',
    });
  });

  it('in English, for the same input and fields', () => {
    const ko = errorsIn('ko', ProductInputSchema, badProduct(), ['exportMarkets']);
    const en = errorsIn('en', ProductInputSchema, badProduct(), ['exportMarkets']);
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    expect(en).toMatchObject({
      'texts.ko.name': 'Required.',
      hsCode: 'An HS code has 4 to 10 digits.',
      'priceTerms.max': 'The lowest price must not exceed the highest.',
    });
  });
});

describe('company profile errors', () => {
  const profile = { names: { ko: '한빛도예', en: 'Hanbit Ceramics' }, region: 'Gyeonggi', languages: ['ko'], website: 'ftp://hanbit.example' };
  it('a website that is not http(s), in Korean and English', () => {
    expect(errorsIn('ko', CompanyProfileSchema, profile)).toEqual({ website: 'http:// 또는 https://로 시작하는 웹 주소를 입력하세요.' });
    expect(errorsIn('en', CompanyProfileSchema, profile)).toEqual({ website: 'A web address starting with http:// or https://' });
  });

  it('the API\'s own English field errors are shown in Korean too', () => {
    expect(translateApiErrors(t.ko, { hsCode: 'HS code: 4 to 10 digits', other: 'Something the portal does not know' })).toEqual({
      hsCode: 'HS 코드는 4~10자리 숫자입니다.',
      other: 'Something the portal does not know',
    });
  });
});
