import { useMutation, useQueryClient } from '@tanstack/react-query';
import { download, upload, type Schemas } from '@/api/client';

export type ImportReport = Schemas['ImportReportDto'];
export type ImportRow = Schemas['ImportRowDto'];

export const downloadTemplate = () => download('/api/imports/template', 'mau-nhap.xlsx');

/** Sends the workbook (field `file`). A dry run only checks it; a real run writes the good rows. */
export function useImportWorkbook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return upload<ImportReport>(`/api/imports/units-accounts?dryRun=${dryRun}`, form);
    },
    onSuccess: (report) => {
      if (!report.dryRun) return Promise.all([qc.invalidateQueries({ queryKey: ['units'] }), qc.invalidateQueries({ queryKey: ['accounts'] })]);
    },
  });
}
