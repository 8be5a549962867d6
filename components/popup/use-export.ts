/** Runs one export at a time and exposes its progress, so a large export shows a progress bar. */
import { useState } from 'preact/hooks';

export interface ExportProgress {
  done: number;
  total: number;
}

export function useExport(onError: (error: unknown) => void) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = async (task: (report: (done: number, total: number) => void) => Promise<void>) => {
    if (progress) return;
    setProgress({ done: 0, total: 0 });
    try {
      await task((done, total) => setProgress({ done, total }));
    } catch (error) {
      onError(error);
    } finally {
      setProgress(null);
    }
  };
  return { progress, run };
}
