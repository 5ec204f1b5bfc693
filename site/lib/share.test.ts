import { describe, expect, it } from 'vitest';
import { clip, ogLocale, shareTags, type ShareTag } from './share.ts';
import { logoJpeg } from './catalogue.ts';

const site = new URL('https://hall.example');
const image = { url: '/api/media/abc/960.jpg', width: 960, height: 640, alt: 'A serum bottle' };
const base = {
  site, locale: 'ko' as const, pageLocales: ['en', 'ko', 'ja'] as const, url: '/ko/products/serum/',
  title: '비타민C 세럼', description: '피부 자극 테스트 완료.', siteName: 'Pavilion', type: 'product' as const, image,
};
const content = (tags: ShareTag[], key: string) =>
  tags.filter((t) => ('property' in t ? t.property : t.name) === key).map((t) => t.content);

describe('ogLocale', () => {
  it('writes language_TERRITORY for every site locale', () => {
    expect((['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const).map(ogLocale)).toEqual(['en_GB', 'ko_KR', 'ja_JP', 'zh_CN', 'ru_RU', 'vi_VN']);
  });
});

describe('shareTags', () => {
  it('gives title, description, type, absolute URL and image with its size and alt, and a large Twitter card', () => {
    const tags = shareTags(base);
    expect(content(tags, 'og:title')).toEqual(['비타민C 세럼']);
    expect(content(tags, 'og:description')).toEqual(['피부 자극 테스트 완료.']);
    expect(content(tags, 'og:type')).toEqual(['product']);
    expect(content(tags, 'og:site_name')).toEqual(['Pavilion']);
    expect(content(tags, 'og:url')).toEqual(['https://hall.example/ko/products/serum/']);
    expect(content(tags, 'og:image')).toEqual(['https://hall.example/api/media/abc/960.jpg']);
    expect(content(tags, 'og:image:secure_url')).toEqual(['https://hall.example/api/media/abc/960.jpg']);
    expect(content(tags, 'og:image:width')).toEqual(['960']);
    expect(content(tags, 'og:image:height')).toEqual(['640']);
    expect(content(tags, 'og:image:alt')).toEqual(['A serum bottle']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(tags.find((t) => 'name' in t && t.name === 'twitter:card')).toBeDefined(); // name=, as Twitter reads it
  });

  it('names the page language and the other languages it exists in', () => {
    const tags = shareTags(base);
    expect(content(tags, 'og:locale')).toEqual(['ko_KR']);
    expect(content(tags, 'og:locale:alternate')).toEqual(['en_GB', 'ja_JP']);
  });

  it('leaves out og:url for a page without an address, and secure_url on plain http', () => {
    const tags = shareTags({ ...base, url: undefined, site: new URL('http://localhost:4321') });
    expect(content(tags, 'og:url')).toEqual([]);
    expect(content(tags, 'og:image')).toEqual(['http://localhost:4321/api/media/abc/960.jpg']);
    expect(content(tags, 'og:image:secure_url')).toEqual([]);
  });

  it('keeps an absolute image URL as it is and passes user text through untouched (the page escapes it)', () => {
    const hostile = '"><script>alert(1)</script>';
    const tags = shareTags({ ...base, title: hostile, image: { ...image, url: 'https://cdn.example/x.jpg', alt: hostile } });
    expect(content(tags, 'og:title')).toEqual([hostile]);
    expect(content(tags, 'og:image')).toEqual(['https://cdn.example/x.jpg']);
  });
});

describe('clip', () => {
  it('keeps short texts, squeezes white space and cuts long ones on a word', () => {
    expect(clip('  two\n words ')).toBe('two words');
    const long = 'word '.repeat(60);
    const out = clip(long, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/word…$/);
  });
});

describe('logoJpeg', () => {
  it('picks the logo\'s JPEG variant as a media URL, or nothing without a logo', () => {
    const logo = { width: 640, height: 320, variants: [
      { format: 'avif', width: 640, height: 320, bytes: 1, name: '640.avif' },
      { format: 'jpeg', width: 320, height: 160, bytes: 1, name: '320.jpg' },
    ] };
    expect(logoJpeg('k1', logo)).toEqual({ url: '/api/media/k1/320.jpg', width: 320, height: 160 });
    expect(logoJpeg(null, logo)).toBeNull();
    expect(logoJpeg('k1', null)).toBeNull();
  });
});
