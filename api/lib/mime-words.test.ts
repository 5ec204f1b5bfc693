import { describe, expect, it } from 'vitest';
import { decodeMimeWords } from './mime-words.ts';

describe('decodeMimeWords', () => {
  it('decodes Q and B words, joins adjacent ones and leaves plain text alone', () => {
    expect(decodeMimeWords('=?UTF-8?Q?Video_meeting_with_Hostile_Co_?= =?UTF-8?Q?=22=27=3E=3Cimg?=')).toBe('Video meeting with Hostile Co "\'><img');
    expect(decodeMimeWords(`=?UTF-8?B?${Buffer.from('한빛도예와의 화상 상담').toString('base64')}?= is scheduled`)).toBe('한빛도예와의 화상 상담 is scheduled');
    expect(decodeMimeWords('Confirm your e-mail for Pavilion')).toBe('Confirm your e-mail for Pavilion');
    expect(decodeMimeWords('a =?UTF-8?Q?b?= c')).toBe('a b c');
  });

  it('keeps a word it cannot decode as it was', () => {
    expect(decodeMimeWords('=?x-no-such-charset?Q?abc?=')).toBe('=?x-no-such-charset?Q?abc?=');
  });
});
