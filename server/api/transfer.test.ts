import { describe, expect, test } from 'vitest';
import { isContentHashedAsset } from './transfer';

describe('content-hashed assets (immutable caching)', () => {
  test("vite's hashed build output under assets/ is hashed", () => {
    expect(isContentHashedAsset('assets/index-B8fTlKyC.js')).toBe(true);
    expect(isContentHashedAsset('assets/index-Bl2XILl8.css')).toBe(true);
    expect(isContentHashedAsset('assets\\NotoSansGeorgian-Dk3_x9Qa.woff2')).toBe(true);
  });

  test('the page, the service worker, unhashed names and other folders are not', () => {
    for (const path of ['index.html', 'sw.js', 'assets/logo.png', 'assets/index-short.js', 'other/index-B8fTlKyC.js', 'assets/deep/index-B8fTlKyC.js', 'index-B8fTlKyC.js']) {
      expect(isContentHashedAsset(path), path).toBe(false);
    }
  });
});
