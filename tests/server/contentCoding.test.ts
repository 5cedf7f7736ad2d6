import { describe, expect, it } from 'vitest';
import { acceptedCodings, isCompressible } from '../../server/contentCoding';

const names = (header: string | string[] | undefined) => acceptedCodings(header).map((coding) => coding.name);

describe('acceptedCodings', () => {
  it('prefers brotli over gzip when the client accepts both equally, as browsers do', () => {
    expect(names('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(names('br;q=1.0, gzip;q=1.0')).toEqual(['br', 'gzip']);
  });

  it('follows the client q-values before the server preference', () => {
    expect(names('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(names('br;q=0.2, gzip;q=0.8, *;q=0.1')).toEqual(['gzip', 'br']);
  });

  it('leaves out what the client refuses or does not name', () => {
    expect(names('gzip')).toEqual(['gzip']);
    expect(names('br;q=0, gzip')).toEqual(['gzip']);
    expect(names('deflate, identity')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(names(undefined)).toEqual([]);
  });

  it('lets * stand for the codings not named', () => {
    expect(names('*')).toEqual(['br', 'gzip']);
    expect(names('gzip;q=0, *')).toEqual(['br']);
  });

  it('reads gzip under its old name, any case, and repeated headers', () => {
    expect(names('X-GZIP')).toEqual(['gzip']);
    expect(names(['gzip', 'BR'])).toEqual(['br', 'gzip']);
  });

  it('treats a malformed q-value as a refusal, not as a preference', () => {
    expect(names('br;q=2, gzip')).toEqual(['gzip']);
    expect(names('br;q=abc, gzip;q=0.5')).toEqual(['gzip']);
    expect(names('br;q=')).toEqual([]);
  });
});

describe('isCompressible', () => {
  it('compresses text formats and leaves images, fonts and copies alone', () => {
    for (const name of ['index.html', 'assets/app-1a.js', 'assets/app-1a.css', 'favicon.svg', 'sw.js', 'a.JSON', 'x.webmanifest']) {
      expect(isCompressible(name), name).toBe(true);
    }
    for (const name of ['logo.png', 'photo.jpg', 'font.woff2', 'app.js.br', 'app.js.gz', 'README']) {
      expect(isCompressible(name), name).toBe(false);
    }
  });
});
