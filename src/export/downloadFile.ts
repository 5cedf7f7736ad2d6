import { downloadBlob } from './posterExport';

/** Saves `content` as a file named `fileName` through the browser's download. */
export function downloadFile(content: BlobPart, fileName: string, type: string): void {
  downloadBlob(new Blob([content], { type }), fileName);
}
