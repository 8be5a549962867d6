import { describe, expect, it } from 'vitest';
import { fullSizePhotoUrl, isPhotoCdnHost, PHOTO_CDN_MATCHES } from '../../lib/photos/photo-url';

describe('full-size photo URL', () => {
  it.each([
    ['//g.search.alicdn.com/img/bao/uploaded/i4/i1/2200000000001/O1CN01abcDEF_!!2200000000001.jpg_220x220q75.jpg_.webp', 'https://g.search.alicdn.com/img/bao/uploaded/i4/i1/2200000000001/O1CN01abcDEF_!!2200000000001.jpg'],
    ['https://img.alicdn.com/imgextra/i2/1234/O1CN01xyz_!!1234.png_460x460.jpg?x=1#top', 'https://img.alicdn.com/imgextra/i2/1234/O1CN01xyz_!!1234.png'],
    ['http://gw.alicdn.com/bao/uploaded/i3/TB1abc.jpg_q50.jpg', 'https://gw.alicdn.com/bao/uploaded/i3/TB1abc.jpg'],
    ['https://img.alicdn.com/bao/uploaded/i1/plain.jpg', 'https://img.alicdn.com/bao/uploaded/i1/plain.jpg'],
  ])('%s → %s', (raw, expected) => {
    expect(fullSizePhotoUrl(raw)).toBe(expected);
  });

  it('gives nothing for placeholders, bad URLs and hosts that are not photo CDNs', () => {
    expect(fullSizePhotoUrl(null)).toBeNull();
    expect(fullSizePhotoUrl('')).toBeNull();
    expect(fullSizePhotoUrl('data:image/gif;base64,R0lGOD')).toBeNull();
    expect(fullSizePhotoUrl('https://img.alicdn.com/tps/i1/T1tps-2-2.gif')).toBeNull();
    expect(fullSizePhotoUrl('not a url')).toBeNull();
    expect(fullSizePhotoUrl('https://evil.example/O1CN01.jpg_220x220.jpg')).toBeNull();
    expect(fullSizePhotoUrl('https://alicdn.com.evil.example/a.jpg')).toBeNull();
  });

  it('knows the CDN hosts and names them as match patterns for the manifest', () => {
    expect(isPhotoCdnHost('img.alicdn.com')).toBe(true);
    expect(isPhotoCdnHost('IMG.ALICDN.COM')).toBe(true);
    expect(isPhotoCdnHost('notalicdn.com')).toBe(false);
    expect(PHOTO_CDN_MATCHES).toContain('https://*.alicdn.com/*');
  });
});
