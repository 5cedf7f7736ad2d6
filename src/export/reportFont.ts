/**
 * The report's font, DejaVu Sans (free licence, shipped with the app): Latin with every French
 * accent and « », Greek, Cyrillic, Hebrew, Arabic and many symbols. Its file is a separate asset
 * fetched the first time a report is made, never part of the first page.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

let loading: Promise<Uint8Array> | null = null;

/** The TrueType bytes of the report's font, downloaded once per page load. */
export function loadReportFont(): Promise<Uint8Array> {
  loading ??= fetch(fontUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`font ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => new Uint8Array(buffer))
    .catch((error: unknown) => {
      // A failed download may succeed next time (back online): do not keep the failure.
      loading = null;
      throw error;
    });
  return loading;
}
