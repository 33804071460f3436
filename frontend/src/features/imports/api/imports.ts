import { useMutation, useQueryClient } from '@tanstack/react-query';
import { download, upload, type Schemas } from '@/api/client';

export type ImportReport = Schemas['ImportReportDto'];
export type ImportRow = Schemas['ImportRowDto'];

export const downloadTemplate = () => download('/api/imports/template', 'mau-nhap.xlsx');

/**
 * Sends the workbook (field `file`). A check (dry run) only reports; writing the good rows needs `confirm`,
 * the fileSha256 of the check's report on the same file.
 */
export function useImportWorkbook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, confirm }: { file: File; dryRun: boolean; confirm?: string }) => {
      const form = new FormData();
      form.append('file', file);
      const query = dryRun ? 'dryRun=true' : `dryRun=false&confirm=${encodeURIComponent(confirm ?? '')}`;
      return upload<ImportReport>(`/api/imports/units-accounts?${query}`, form);
    },
    onSuccess: (report) => {
      if (!report.dryRun) return Promise.all([qc.invalidateQueries({ queryKey: ['units'] }), qc.invalidateQueries({ queryKey: ['accounts'] })]);
    },
  });
}
