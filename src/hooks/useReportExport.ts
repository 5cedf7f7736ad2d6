import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportRequest } from '../export/reportPdf';
import { downloadFile } from '../export/downloadFile';

export type ReportPhase = 'loading' | 'writing' | 'done' | 'failed' | 'cancelled';

/** Where a report export stands. */
export interface ReportState {
  phase: ReportPhase;
  step: number;
  steps: number;
  section: string;
  file?: string;
  pages?: number;
  error?: string;
}

export interface ReportExport {
  state: ReportState | null;
  busy: boolean;
  start(request: ReportRequest, fileName: string): void;
  cancel(): void;
  reset(): void;
}

/**
 * Makes the PDF report and downloads it. The PDF engine and its font are fetched on the first
 * report only (two separate downloads, never part of the first page).
 */
export function useReportExport(): ReportExport {
  const [state, setState] = useState<ReportState | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Closing the dialog mid-way stops the work: nothing is saved behind the person's back.
  useEffect(() => () => abort.current?.abort(), []);
  const start = useCallback((request: ReportRequest, fileName: string) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'loading', step: 0, steps: 1, section: '' });
    void (async () => {
      try {
        const [{ writeReport, ReportCancelled }, { loadReportFont }] = await Promise.all([
          import('../export/reportPdf'),
          import('../export/reportFont'),
        ]);
        try {
          const font = await loadReportFont();
          if (controller.signal.aborted) throw new ReportCancelled();
          const { bytes, pages } = await writeReport(request, font, {
            signal: controller.signal,
            onProgress: (p) => setState({ phase: 'writing', ...p }),
          });
          downloadFile(bytes as Uint8Array<ArrayBuffer>, fileName, 'application/pdf');
          setState({ phase: 'done', step: 1, steps: 1, section: '', file: fileName, pages });
        } catch (error) {
          if (error instanceof ReportCancelled) setState({ phase: 'cancelled', step: 0, steps: 1, section: '' });
          else throw error;
        }
      } catch (error) {
        if (controller.signal.aborted) setState({ phase: 'cancelled', step: 0, steps: 1, section: '' });
        else setState({ phase: 'failed', step: 0, steps: 1, section: '', error: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, []);
  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState(null), []);
  return { state, busy: state?.phase === 'loading' || state?.phase === 'writing', start, cancel, reset };
}
