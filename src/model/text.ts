/** Text helpers shared by the editor and the document. */

export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single splice turning `prev` into `next` (common prefix and suffix kept), so an
 * edit touches only the characters that changed and concurrent typing elsewhere survives.
 */
export function textSplice(prev: string, next: string): TextSplice | null {
  if (prev === next) return null;
  const a = Array.from(prev);
  const b = Array.from(next);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Y.Text indexes UTF-16 code units; convert the code-point offsets.
  const index = a.slice(0, start).join('').length;
  return { index, remove: a.slice(start, endA).join('').length, insert: b.slice(start, endB).join('') };
}

/** A file-name-safe slug of a title ("Parcours Client : été" -> "parcours-client-ete"). */
export function slugify(title: string, fallback = 'parcours'): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/**
 * Whether a touchpoint speaks as the customer: "Je …" / "J'…" in French, "I …" / "I'm" in
 * English. Empty text is not flagged (nothing written yet).
 */
export function speaksAsCustomer(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  return /^(je\b|j['’])/i.test(t) || /^(I\b|I['’])/.test(t);
}
